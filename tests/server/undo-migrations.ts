/**
 * SQL that takes a database back to before a migration, for tests that start a server on a
 * database as an older version left it. Undo newest first: the migrator runs migrations in name
 * order only and refuses one that is missing before a run one. The same text runs on SQLite and
 * PostgreSQL.
 */

/** Migration 021 (store/migration-ingest-indexes.ts): the two reference indexes and the due-date index again. */
export const UNDO_021 = [
  'DROP INDEX submissions_reference_device',
  'CREATE UNIQUE INDEX submissions_device_reference ON submissions (device_id, reference)',
  'CREATE INDEX submissions_reference ON submissions (reference)',
  'CREATE INDEX submissions_due_at ON submissions (due_at, id)',
  "DELETE FROM kysely_migration WHERE name = '021-fewer-indexes-to-write-at-ingest'",
];

/** Migration 020 (store/staff/staff-credentials.ts): renewal of staff credentials. */
export const UNDO_020 = [
  ...['renewal_hash', 'signed_in_at', 'renewed_at'].map((column) => `ALTER TABLE staff_credentials DROP COLUMN ${column}`),
  "DELETE FROM kysely_migration WHERE name = '020-staff-credential-renewal'",
];

/** Migration 019 (store/migration-due-dates.ts): the stored due date and its index. */
export const UNDO_019 = ['DROP INDEX submissions_due_at', 'ALTER TABLE submissions DROP COLUMN due_at', "DELETE FROM kysely_migration WHERE name = '019-case-due-dates'"];
