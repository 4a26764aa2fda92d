import type { Migration } from 'kysely';
import { searchIndexMigration } from '../search/search-table.ts';
import { secondFactorsMigration } from './migration-second-factors.ts';
import { auditRetentionMigration } from './migration-audit-retention.ts';
import { caseworkMigration } from './migration-casework.ts';
import { sealedNotesMigration } from './migration-sealed-notes.ts';
import { counterMigration } from './counter-store.ts';
import { referencePerDeviceMigration } from './migration-reference-per-device.ts';
import { staffCredentialRenewalMigration, staffCredentialsMigration } from './staff/staff-credentials.ts';
import { bookingsMigration } from './bookings/booking-store.ts';
import { deviceTokensMigration } from './devices/device-tokens.ts';
import { displayNamesMigration } from './migration-display-names.ts';
import { keyPairsMigration, type MigrationContext } from './migration-key-pairs.ts';
import { dueDatesMigration } from './migration-due-dates.ts';
import { ingestIndexesMigration } from './migration-ingest-indexes.ts';

/**
 * Migrations from 006 on, each in its own file. Never edit a shipped migration: add the next one.
 * Names sort in the order they run.
 */
export function laterMigrations(context: MigrationContext): Record<string, Migration> {
  return {
    '006-key-pairs-sealed-under-the-kek': keyPairsMigration(context),
    '007-caseworker-notes-sealed': sealedNotesMigration(context),
    '008-audit-retention-floor': auditRetentionMigration,
    '009-counter-help-calls-and-queue': counterMigration,
    '010-find-search-index': searchIndexMigration,
    '011-casework': caseworkMigration,
    '012-staff-accounts-second-factors': secondFactorsMigration,
    '013-reference-per-device': referencePerDeviceMigration,
    '014-staff-credentials': staffCredentialsMigration,
    '015-bookings': bookingsMigration,
    '016-device-token-expiry': deviceTokensMigration,
    '017-staff-display-names-and-session-origin': displayNamesMigration,
    '019-case-due-dates': dueDatesMigration,
    '020-staff-credential-renewal': staffCredentialRenewalMigration,
    '021-fewer-indexes-to-write-at-ingest': ingestIndexesMigration,
  };
}
