import { randomUUID } from 'node:crypto';
import { KekError } from '../crypto/key-encryption-key.ts';
import { laterMigrations } from './later-migrations.ts';
import type { CounterTables } from './counter-store.ts';
import type { MigrationContext } from './migration-key-pairs.ts';
import { Migrator, PostgresAdapter, sql, type Generated, type Kysely, type Migration } from 'kysely';
import { attemptThrottleMigration, type AttemptThrottleTable } from './attempt-throttle.ts';
import { deviceReportsMigration, type DeviceReportsTable } from './devices/device-reports.ts';
import { type SubmissionSearchTable } from '../search/search-table.ts';
import type { StaffCredentialsTable } from './staff/staff-credentials.ts';
import type { BookingsTable } from './bookings/booking-store.ts';

/**
 * Tables as Kysely sees them, and the migrations that create them. Columns use only `text` and
 * `integer` so that one definition serves SQLite and PostgreSQL. Ciphertext is kept as the
 * base64url text it arrived as: data at rest stays encrypted and is decrypted only for staff.
 */
export interface Database extends DeviceReportsTable, CounterTables, SubmissionSearchTable, StaffCredentialsTable, BookingsTable {
  /**
   * Migration 006: the server's key pairs, private keys sealed under the KEK (never in the
   * database); `current` is 1 for the key devices encrypt for (one per algorithm), NULL for older ones.
   */
  key_pairs: {
    kid: string;
    algorithm: string;
    public_jwk: string;
    sealed_private_key: string;
    created_at: string;
    current: number | null;
  };
  devices: {
    id: string;
    name: string;
    kind: string;
    token_hash: string;
    created_at: string;
    revoked_at: string | null;
    /** Migration 016 (devices/device-tokens.ts): when the token stops working, and the token it replaced during the overlap. */
    token_expires_at: Generated<string | null>;
    previous_token_hash: Generated<string | null>;
    previous_token_until: Generated<string | null>;
  };
  submissions: {
    id: string;
    reference: string;
    type: string;
    schema_version: number;
    created_at: string;
    kid: string;
    iv: string;
    wrapped_key: string;
    ciphertext: string;
    content_hash: string;
    device_id: string;
    received_at: string;
    status: string;
    updated_at: string;
    /**
     * Plain copies of the sealed payload's `assisted` flag (1/0) and `assistedBy`, for the inbox and
     * the CSV (migration 003). NULL until the back office first lists the row: ingest stores only
     * the envelope, and the staff routes decrypt once to fill these in.
     */
    assisted: Generated<number | null>;
    assisted_by: Generated<string | null>;
    /** Migration 011: the username of the caseworker who has the case; NULL while nobody has it. */
    assignee: Generated<string | null>;
    /** Migration 011: keyed hash of the witness's CPR number (casework/witness-index.ts); NULL without a witness. */
    witness_hash: Generated<string | null>;
    /** 1 when the staff credential's account was deactivated after the work was sealed (migration 014). */
    assisted_by_disabled: Generated<number | null>;
    /** Migration 019: the last day the case should be handled by (YYYY-MM-DD, Copenhagen), fixed at arrival. */
    due_at: Generated<string | null>;
  };
  submission_events: {
    id: string;
    submission_id: string;
    at: string;
    from_status: string | null;
    to_status: string;
    note: string | null;
    actor: string;
  };
  users: {
    id: string;
    username: string;
    password_hash: string;
    role: string;
    created_at: string;
    /** Migration 003: when an admin deactivated the account (a leaver); it then cannot log in. */
    disabled_at: Generated<string | null>;
    disabled_by: Generated<string | null>;
    /** Migration 009: 1 after an admin's reset, until the owner chose a new password. */
    must_change_password: Generated<number>;
    /** Migration 017: the provider's name for an account made at sign-in; null for local accounts. */
    display_name: Generated<string | null>;
  };
  /** Migration 009: an account's TOTP second factor (migration-second-factors.ts). */
  staff_second_factors: {
    user_id: string;
    sealed_secret: string;
    confirmed_at: string | null;
    last_step: number | string | null;
    recovery_hashes: Generated<string>;
  };
  sessions: {
    token_hash: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    /** Migration 017: `oidc` when opened through the organisation's login; null for a local password. */
    via: Generated<string | null>;
  };
  /** Append-only: triggers refuse UPDATE and DELETE (migration 002). `detail` is JSON without personal data. */
  audit_log: {
    id: string;
    at: string;
    actor: string;
    action: string;
    target: string | null;
    detail: string;
  };
  /** Codes admins hand out to enrol devices; stored as the hash of the normalised code, like tokens. */
  enrolment_codes: {
    code_hash: string;
    created_at: string;
    expires_at: string;
    created_by: string;
    /** Migration 003: an id to name the code in lists and URLs (never the hash), and its limits. */
    id: Generated<string | null>;
    label: Generated<string>;
    /** `kiosk` or `tablet` when the code enrols only that kind; NULL for either. */
    kind: Generated<string | null>;
    /** NULL: any number of devices until it expires. */
    max_uses: Generated<number | null>;
    uses: Generated<number>;
    revoked_at: Generated<string | null>;
    revoked_by: Generated<string | null>;
  };
  /** Failed login and enrolment attempts per key (migration 004, attempt-throttle.ts). */
  attempt_throttle: AttemptThrottleTable;
}

/** Never edit a shipped migration: add the next one. Names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '001-initial': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('server_keys')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('public_jwk', 'text', (c) => c.notNull())
        .addColumn('private_jwk', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('schema_version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('kid', 'text', (c) => c.notNull())
        .addColumn('iv', 'text', (c) => c.notNull())
        .addColumn('wrapped_key', 'text', (c) => c.notNull())
        .addColumn('ciphertext', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('submissions_status_type').on('submissions').columns(['status', 'type']).execute();
      await db.schema.createIndex('submissions_received_at').on('submissions').column('received_at').execute();
      await db.schema
        .createTable('submission_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('submission_events_submission').on('submission_events').columns(['submission_id', 'at']).execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
    },
  },
  '002-audit-log-and-enrolment-codes': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target', 'at']).execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor', 'at']).execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      // The database itself refuses to change history, so no code path (or a stray SQL console
      // session) can rewrite it. The table's owner could drop the trigger: run the server as a role
      // that does not own the schema where that matters.
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
          FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
      } else {
        await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
      }
      await db.schema
        .createTable('enrolment_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '003-enrolment-codes-assisted-flag-and-deactivated-users': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('enrolment_codes').addColumn('id', 'text').execute();
      await db.schema.alterTable('enrolment_codes').addColumn('label', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('enrolment_codes').addColumn('kind', 'text').execute();
      await db.schema.alterTable('enrolment_codes').addColumn('max_uses', 'integer').execute();
      await db.schema.alterTable('enrolment_codes').addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('enrolment_codes').addColumn('revoked_at', 'text').execute();
      await db.schema.alterTable('enrolment_codes').addColumn('revoked_by', 'text').execute();
      // Codes made before this migration get an id too, so that an admin can list and revoke them.
      const old = await db.selectFrom('enrolment_codes').select('code_hash').execute();
      for (const row of old) {
        await db.updateTable('enrolment_codes').set({ id: randomUUID() }).where('code_hash', '=', row.code_hash).execute();
      }
      await db.schema.createIndex('enrolment_codes_id').unique().on('enrolment_codes').column('id').execute();
      await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
      await db.schema.alterTable('users').addColumn('disabled_by', 'text').execute();
      await db.schema.alterTable('submissions').addColumn('assisted', 'integer').execute();
      await db.schema.alterTable('submissions').addColumn('assisted_by', 'text').execute();
    },
  },
  '004-attempt-throttle': attemptThrottleMigration,
  '005-device-reports': deviceReportsMigration,
};

/** Every migration, given what they may need from outside the database (the KEK). */
export function allMigrations(context: MigrationContext): Record<string, Migration> {
  return { ...migrations, ...laterMigrations(context) };
}

/**
 * Runs the migrations; on PostgreSQL Kysely holds an advisory lock, so processes starting together
 * take turns. Answers whether plaintext secrets were removed (SQLite then vacuums).
 */
export async function migrate(db: Kysely<Database>, context: MigrationContext = {}): Promise<{ removedPlaintext: boolean }> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => allMigrations(context) } });
  const { error } = await migrator.migrateToLatest();
  if (error instanceof KekError) throw error;
  if (error) throw new Error(`store.migrate: ${(error as Error).message ?? String(error)}`, { cause: error });
  return { removedPlaintext: context.removedPlaintext === true };
}
