import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { StorageKind } from './storage-kind.ts';
import { attemptStore, type AttemptStore, type ThrottleDb } from './attempt-throttle.ts';
import { auditStore, type AuditStore } from './audit/audit-store.ts';
import { CounterStore } from './counter-store.ts';
import { BookingStore } from './bookings/booking-store.ts';
import { deviceStore, type DeviceStore } from './devices/device-store.ts';
import { enrolmentCodeStore, type EnrolmentCodeStore } from './enrolment-codes/enrolment-code-store.ts';
import { serverKeyStore, type ServerKeyStore } from './server-keys/server-key-store.ts';
import { staffStore } from './staff/staff-store.ts';
import type { StaffStore } from './staff/staff-types.ts';
import { submissionStore } from './submissions/submission-store.ts';
import type { SubmissionStore } from './submissions/submission-types.ts';

/**
 * What the routes need from storage, and nothing more: one part per aggregate (each beside its
 * SQL, in the folders here), all over one Kysely instance that runs on SQLite or PostgreSQL.
 * tests/server/store-contract.ts checks both databases against this description. Times are ISO
 * 8601 strings in UTC (`toISOString()`), so they sort as text on both databases.
 */
export interface Store extends ServerKeyStore, DeviceStore, SubmissionStore, StaffStore, AuditStore, EnrolmentCodeStore, AttemptStore {
  readonly kind: StorageKind;
  /** Help calls and queue tickets (counter-store.ts). */
  readonly counter: CounterStore;
  /** Slots booked with capacity (bookings/booking-store.ts). */
  readonly bookings: BookingStore;
  /** One round trip to the database; throws when it cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The store as a plain object of its parts' functions: a wrapper that changes a few of them
 * (crypto/note-cipher.ts, search/blind-index.ts, …) spreads the store and overrides those.
 */
export function composeStore(kind: StorageKind, db: Kysely<Database>): Store {
  return {
    kind,
    counter: new CounterStore(db),
    bookings: new BookingStore(db),
    ...serverKeyStore(db),
    ...deviceStore(db),
    ...submissionStore(db, kind),
    ...staffStore(db),
    ...auditStore(db),
    ...enrolmentCodeStore(db),
    // The throttle's queries name only its own table: any database that has it will do.
    ...attemptStore(db as unknown as ThrottleDb, kind === 'postgres'),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

// The types and vocabularies callers name, from the aggregate that owns each.
export type { StorageKind } from './storage-kind.ts';
export { auditActions, type AuditAction, type AuditEntry, type AuditFilter, type AuditSubject, type StoredAuditEntry } from './audit/audit-store.ts';
export { deviceKinds, type Device, type DeviceKind, type EnrolmentVia } from './devices/device-store.ts';
export type { StoredDeviceReport } from './devices/device-reports.ts';
export type { EnrolmentCode, EnrolmentCodeClaim, EnrolmentCodeInfo, EnrolmentCodeRefusal } from './enrolment-codes/enrolment-code-store.ts';
export type { StoredServerKey } from './server-keys/server-key-store.ts';
export { staffRoles, type DisableUserOutcome, type StaffRole, type StaffSession, type StaffUser, type StaffUserInfo, type StoredSecondFactor } from './staff/staff-types.ts';
export type { NewStaffCredential, StaffCredential } from './staff/staff-credentials.ts';
export {
  submissionSortKeys,
  submissionStatuses,
  type InsertOutcome,
  type NewSubmission,
  type SubmissionEvent,
  type SubmissionFilter,
  type SubmissionRecord,
  type SubmissionSort,
  type SubmissionStatus,
  type SubmissionSummary,
  type TransitionOutcome,
} from './submissions/submission-types.ts';
