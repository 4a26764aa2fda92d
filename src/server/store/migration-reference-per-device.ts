import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 009: a reference is unique per device, not across all devices. The reference is
 * printed on the citizen's receipt; with one global key, anyone holding any device token could
 * store an envelope under a reference read off a receipt before that kiosk synced, and the
 * citizen's real request would be a `conflict` for good. Now a clash is only with the device that
 * made the reference; the id stays globally unique. Reference look-ups keep a plain index.
 */
export const referencePerDeviceMigration: Migration = {
  async up(db: Kysely<any>) {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      // The inline UNIQUE of migration 001 got PostgreSQL's default name.
      await sql`ALTER TABLE submissions DROP CONSTRAINT submissions_reference_key`.execute(db);
    } else {
      await rebuildSqliteWithoutGlobalReferenceKey(db);
    }
    await db.schema.createIndex('submissions_device_reference').unique().on('submissions').columns(['device_id', 'reference']).execute();
    await db.schema.createIndex('submissions_reference').on('submissions').column('reference').execute();
  },
};

/**
 * SQLite cannot drop a column's UNIQUE, so the table is rebuilt the way SQLite's manual describes
 * ("Making other kinds of table schema changes"): foreign keys off, copy into a new table made from
 * the stored CREATE statement without that UNIQUE, swap, recreate the indexes, check the keys.
 */
async function rebuildSqliteWithoutGlobalReferenceKey(db: Kysely<any>) {
  const table = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'submissions'`.execute(db);
  const create = table.rows[0]?.sql ?? '';
  const unique = /("reference" text not null) unique/i;
  if (!unique.test(create)) throw new Error('migration 009: the submissions table does not have the expected reference column');
  const indexes = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'submissions' AND sql IS NOT NULL`.execute(db);
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      await sql.raw(create.replace(unique, '$1').replace(/^CREATE TABLE "?submissions"?/i, 'CREATE TABLE "submissions_rebuilt"')).execute(db);
      await sql`INSERT INTO submissions_rebuilt SELECT * FROM submissions`.execute(db);
      await sql`DROP TABLE submissions`.execute(db);
      await sql`ALTER TABLE submissions_rebuilt RENAME TO submissions`.execute(db);
      for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error('migration 009: foreign keys broken by the rebuild');
      await sql`COMMIT`.execute(db);
    } catch (error) {
      await sql`ROLLBACK`.execute(db);
      throw error;
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
