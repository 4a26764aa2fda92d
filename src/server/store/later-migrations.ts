import type { Migration } from 'kysely';
import { auditRetentionMigration } from './migration-audit-retention.ts';
import { sealedNotesMigration } from './migration-sealed-notes.ts';
import { keyPairsMigration, type MigrationContext } from './migration-key-pairs.ts';

/**
 * Migrations from 004 on, each in its own file. Never edit a shipped migration: add the next one.
 * Names sort in the order they run.
 */
export function laterMigrations(context: MigrationContext): Record<string, Migration> {
  return {
    '004-key-pairs-sealed-under-the-kek': keyPairsMigration(context),
    '005-caseworker-notes-sealed': sealedNotesMigration(context),
    '006-audit-retention-floor': auditRetentionMigration,
  };
}
