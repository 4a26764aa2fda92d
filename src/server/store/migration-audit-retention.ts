import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * The shortest time an audit entry is kept, whatever AUDIT_RETENTION_DAYS says: the database
 * refuses to delete an entry younger than this (by its own clock), so neither the retention job
 * nor anyone with the server's database role can erase recent history. A floor chosen here (half
 * a year, long enough to look into an incident found late), not a figure from a law.
 */
export const AUDIT_MIN_RETENTION_DAYS = 180;

/**
 * Migration 008: audit retention. UPDATE stays refused for every entry and TRUNCATE on
 * PostgreSQL; DELETE is allowed only for entries older than AUDIT_MIN_RETENTION_DAYS.
 * Entries carry `at` as ISO 8601 UTC text, so the comparison is on text of the same shape.
 */
export const auditRetentionMigration: Migration = {
  async up(db: Kysely<any>) {
    const days = AUDIT_MIN_RETENTION_DAYS;
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql.raw(`CREATE FUNCTION audit_log_delete_only_old() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.at < to_char((now() AT TIME ZONE 'UTC') - interval '${days} days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'audit_log is append-only: entries younger than ${days} days cannot be deleted';
        END $$`).execute(db);
      await sql`DROP TRIGGER audit_log_no_update_or_delete ON audit_log`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_recent_delete BEFORE DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_delete_only_old()`.execute(db);
    } else {
      await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
      await sql.raw(`CREATE TRIGGER audit_log_no_recent_delete BEFORE DELETE ON audit_log
        WHEN OLD.at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${days} days')
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries younger than ${days} days cannot be deleted'); END`).execute(db);
    }
  },
};
