import type { AssistedMetadata } from '../assisted.ts';
import type { Envelope } from '#contract/v1.ts';
import type { DelayPolicy, Reservation } from './attempt-throttle.ts';
import type { DeviceReport } from '#contract/device-report.ts';
import type { StoredDeviceReport } from './device-reports.ts';
import type { CounterStore } from './counter-store.ts';
import type { SearchDigest } from '../search/blind-index.ts';
import type { SearchTerms } from '../search/search-terms.ts';
import type { StaffCredential } from './staff-credentials.ts';

/**
 * What the routes need from storage, and nothing more. One implementation (kysely-store.ts) runs on
 * SQLite and PostgreSQL; tests/server/store-contract.ts checks both against this description.
 * Times are ISO 8601 strings in UTC (`toISOString()`), so they sort as text on both databases.
 */

export type StorageKind = 'sqlite' | 'postgres';

export { deviceKinds } from '#contract/staff.ts';
import { deviceKinds } from '#contract/staff.ts';
export type DeviceKind = (typeof deviceKinds)[number];

export interface Device {
  id: string;
  name: string;
  kind: DeviceKind;
  createdAt: string;
  revokedAt: string | null;
}

/** A key pair as stored: the private half only sealed under the KEK (crypto/key-wrap.ts). */
export interface StoredServerKey {
  kid: string;
  /** `RSA-OAEP-256` today; the list has room for other kinds beside it. */
  algorithm: string;
  publicJwk: JsonWebKey;
  sealedPrivateKey: string;
  createdAt: string;
}

export { submissionStatuses } from '#contract/staff.ts';
import { submissionStatuses } from '#contract/staff.ts';
export type SubmissionStatus = (typeof submissionStatuses)[number];

export interface SubmissionSummary {
  id: string;
  reference: string;
  type: string;
  schemaVersion: number;
  status: SubmissionStatus;
  createdAt: string;
  receivedAt: string;
  deviceId: string;
  deviceName: string;
  deviceKind: DeviceKind;
  /**
   * Whether a staff member filled it in for the citizen, and who (the sealed payload's `assisted`
   * and `assistedBy`); null until the back office has decrypted the row once (recordAssisted).
   */
  assisted: boolean | null;
  assistedBy: string | null;
  /** The account that assisted was deactivated after it sealed this work (its staff credential says who). */
  assistedByDisabled?: boolean;
  /** When retention will delete it (retention-dates.ts); set by the staff routes' store, not stored. */
  deletesAt?: string;
  /** The username of the caseworker who has the case; null while nobody has it. */
  assignee: string | null;
}

/** A stored submission: metadata plus the envelope exactly as it arrived (still encrypted). */
export interface SubmissionRecord extends SubmissionSummary {
  envelope: Envelope;
  contentHash: string;
}

export interface SubmissionEvent {
  at: string;
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  note: string | null;
  /** `device:<id>` for the arrival, the username for a staff transition. */
  actor: string;
}

export interface NewSubmission {
  envelope: Envelope;
  contentHash: string;
  deviceId: string;
  receivedAt: string;
  /** From the decrypted payload at ingest; absent leaves it unknown (null) for the back office to fill in. */
  assisted?: AssistedMetadata;
  /** Plain CPR numbers and name tokens from the payload: the blind index (search/blind-index.ts) turns them into searchDigests before the store sees them. */
  searchTerms?: SearchTerms;
  /** What the store keeps of them: HMAC digests only. */
  searchDigests?: SearchDigest[];
  /**
   * The witness's CPR number from the decrypted payload, for the witness register: never stored,
   * the store wrapper (casework/witness-index.ts) turns it into `witnessHash` first.
   */
  witnessCpr?: string;
  /** Keyed hash of the witness's CPR number; the only form of it the database keeps. */
  witnessHash?: string;
}

/** How an envelope relates to what is stored: `undefined` from a look-up means neither id nor reference is known. */
export type InsertOutcome = 'stored' | 'duplicate' | 'conflict';

export interface SubmissionFilter {
  status?: SubmissionStatus;
  type?: string;
  /** Bounds on createdAt (ISO text): from inclusive, to exclusive. */
  createdFrom?: string;
  createdBefore?: string;
  deviceId?: string;
  deviceKind?: DeviceKind;
  /** Only cases this caseworker has (a username); null for cases nobody has. */
  assignee?: string | null;
  limit?: number;
  offset?: number;
  /** A reference in its canonical form (src/outbox/reference.ts normalizeReference). */
  reference?: string;
  /** Ten digits, and name tokens (search/name-tokens.ts): the blind index turns them into the digests below. */
  cpr?: string;
  nameTokens?: string[];
  cprDigest?: string;
  /** Every one of them must match (a search for "anna jensen" finds cases with both tokens). */
  nameDigests?: string[];
  sort?: SubmissionSort;
}

export const submissionSortKeys = ['receivedAt', 'createdAt', 'type', 'status', 'reference'] as const;
export interface SubmissionSort {
  key: (typeof submissionSortKeys)[number];
  direction: 'asc' | 'desc';
}

export type TransitionOutcome =
  | { ok: true; submission: SubmissionSummary }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_allowed'; status: SubmissionStatus };

export { staffRoles } from '#contract/staff.ts';
import { staffRoles } from '#contract/staff.ts';
export type StaffRole = (typeof staffRoles)[number];

export interface StaffUser {
  id: string;
  username: string;
  role: StaffRole;
  passwordHash: string;
  createdAt: string;
  /** Set when an admin deactivated the account; absent while it is active. */
  disabledAt?: string;
  /** After an admin's reset, until the owner chose a new password. */
  mustChangePassword?: boolean;
}

/** A staff account as admins see it in the list: never the password hash. */
export interface StaffUserInfo {
  username: string;
  role: StaffRole;
  createdAt: string;
  disabledAt: string | null;
  disabledBy: string | null;
}

/** An account's TOTP second factor as stored: the secret sealed under the KEK, never in clear. */
export interface StoredSecondFactor {
  sealedSecret: string;
  /** Null while enrolment waits for the first code. */
  confirmedAt: string | null;
  lastStep: number | null;
  recoveryCodesLeft: number;
}

export type DisableUserOutcome = 'disabled' | 'not_found' | 'last_admin';

export interface StaffSession {
  userId: string;
  username: string;
  role: StaffRole;
  expiresAt: string;
  /** When the session began: it ends STAFF_SESSION_HOURS later however active it is. */
  createdAt?: string;
  /** After an admin's reset: only choosing a new password is allowed. */
  mustChangePassword?: boolean;
}

export const auditActions = [
  'login',
  'login_failed',
  'logout',
  'read_submission',
  'transition',
  'export_csv',
  'create_user',
  'disable_user',
  'enrol_device',
  'revoke_device',
  'create_enrolment_code',
  'revoke_enrolment_code',
  'print_submission',
  'retention_delete',
  'rotate_server_key',
  'retention_delete_audit',
  'rotate_key_encryption_key',
  'tablet_wiped',
  'handle_help_call',
  'call_next_ticket',
  'assign_submission',
  'add_note',
  'export_audit_csv',
  'enrol_second_factor',
  'use_recovery_code',
  'change_password',
  'reset_password',
  'reactivate_user',
  'change_role',
  'issue_staff_credential',
  'refuse_staff_work',
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * One line of the append-only audit log: who (a username, `device:<id>` or `system:<job>`), when,
 * what, and on what. `detail` never holds personal data (no answers, names, CPR numbers or notes).
 */
export interface AuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditEntry {
  id: string;
}

/** A thing an audit entry names, as the log shows it; never personal data (references, device names, code labels). */
export interface AuditSubject {
  kind: 'submission' | 'device' | 'enrolment_code';
  label: string;
}

export interface AuditFilter {
  target?: string;
  actor?: string;
  action?: AuditAction;
  /** Bounds on `at` (ISO text): from inclusive, before exclusive. */
  from?: string;
  before?: string;
  limit?: number;
  /** Entries to skip, newest first: paging through the log. */
  offset?: number;
}

/** Which kind of code enrolled a device: the ENROLLMENT_CODE of the environment, or one an admin made. */
export type EnrolmentVia = 'env_code' | 'admin_code';

export interface EnrolmentCode {
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
  /** Names the code in lists and URLs; the hash never leaves the store. */
  id?: string;
  /** What the admin made it for ("Kiosks in the hall"); no personal data. */
  label?: string;
  /** Only devices of this kind may use it; undefined for either. */
  kind?: DeviceKind;
  /** How many devices it may enrol; undefined for any number until it expires. */
  maxUses?: number;
}

/** An enrolment code as admins see it in the list: everything but the code and its hash. */
export interface EnrolmentCodeInfo {
  id: string;
  label: string;
  kind: DeviceKind | null;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** Why a code did not enrol a device; `unknown` covers wrong codes (and the environment's code is checked before). */
export type EnrolmentCodeRefusal = 'unknown' | 'expired' | 'revoked' | 'used_up' | 'wrong_kind';
export type EnrolmentCodeClaim = { ok: true; id: string } | { ok: false; reason: EnrolmentCodeRefusal };

export interface Store {
  readonly kind: StorageKind;

  /** The key devices encrypt for (of `key.algorithm`). Several processes may race to create it: the first insert wins. */
  activeServerKey(algorithm?: string): Promise<StoredServerKey | undefined>;
  /** Stores `key` as the active key unless one exists already; answers the active key either way. */
  addServerKeyIfNoneActive(key: StoredServerKey): Promise<StoredServerKey>;
  serverKey(kid: string): Promise<StoredServerKey | undefined>;
  /** Every stored key, oldest first (rotation lists them; a KEK change re-seals them). */
  serverKeys(): Promise<(StoredServerKey & { current: boolean })[]>;
  /**
   * Rotation: stores `key` as the active key of its algorithm and keeps the former one (no longer
   * active) to open what was sealed for it, in one transaction, audited as `rotate_server_key`.
   */
  rotateServerKey(key: StoredServerKey, actor: string): Promise<void>;
  /**
   * A new KEK: replaces every key's sealed private half (sealed again under the new KEK by the
   * caller) in one transaction, audited as `rotate_key_encryption_key`. All or nothing.
   */
  resealServerKeys(sealed: readonly { kid: string; sealedPrivateKey: string }[], at: string, actor: string): Promise<void>;

  /** Stores the device and its `enrol_device` audit entry together (naming the admin's code that enrolled it, if one did). */
  createDevice(device: Device, tokenHash: string, via?: EnrolmentVia, enrolmentCodeId?: string): Promise<void>;
  /** Revoked devices are answered too: the caller decides what a revoked device may do. */
  deviceByTokenHash(tokenHash: string): Promise<Device | undefined>;
  listDevices(): Promise<Device[]>;
  /** Revokes and audits in one transaction; false (and nothing audited) when there was nothing to revoke. */
  revokeDevice(id: string, at: string, actor?: string): Promise<boolean>;

  /**
   * Classifies an envelope against what is stored, without writing: lets ingest skip decrypting
   * resends. A reference clashes only with the same device's rows; an id with any row.
   */
  existingOutcome(id: string, reference: string, contentHash: string, deviceId: string): Promise<Exclude<InsertOutcome, 'stored'> | undefined>;
  /** existingOutcome for many envelopes in one query, answers in order: ingest asks once per request. */
  existingOutcomes(envelopes: readonly { id: string; reference: string; contentHash: string; deviceId: string }[]): Promise<(Exclude<InsertOutcome, 'stored'> | undefined)[]>;
  /**
   * Stores a submission and its `received` event in one transaction, or stores nothing and says why.
   * Safe under concurrency: unique constraints decide, never a prior read.
   */
  insertSubmission(submission: NewSubmission): Promise<InsertOutcome>;
  /**
   * Group commit: stores a batch in ONE transaction (one commit, so one fsync on SQLite), one
   * outcome per item in order, each decided as `insertSubmission` would decide it alone (an earlier
   * item of the same batch counts as stored). All or nothing: when the transaction fails it throws
   * and none of the batch is stored.
   */
  insertSubmissions(submissions: readonly NewSubmission[]): Promise<InsertOutcome[]>;
  listSubmissions(filter: SubmissionFilter): Promise<{ submissions: SubmissionSummary[]; total: number }>;
  /** Up to `limit` cases not yet in the search index (stored before it existed, or copied from another database). */
  unindexedSubmissionIds(limit: number): Promise<string[]>;
  /** Stores a case's search digests and marks it indexed (idempotent). */
  addSearchDigests(id: string, digests: readonly SearchDigest[]): Promise<void>;
  /** Every type that has a stored submission, sorted: the options of the inbox's type filter. */
  submissionTypes(): Promise<string[]>;
  submission(id: string): Promise<SubmissionRecord | undefined>;
  history(id: string): Promise<SubmissionEvent[]>;
  /** Moves a submission to `to` if its current status is one of `allowedFrom`, recording the event and its audit entry. */
  transitionSubmission(
    id: string,
    to: SubmissionStatus,
    allowedFrom: readonly SubmissionStatus[],
    event: { at: string; note: string | null; actor: string },
  ): Promise<TransitionOutcome>;

  /**
   * Gives the case to `assignee` (a username) or to nobody (null), with its audit entry, in one
   * transaction; the caller has checked who may assign to whom. False when there is no such case.
   */
  assignSubmission(id: string, assignee: string | null, at: string, actor: string): Promise<boolean>;
  /**
   * A note outside a status change: a history event whose from and to are the current status, with
   * its audit entry (that a note was written, never the text). False when there is no such case.
   */
  addNote(id: string, event: { at: string; note: string; actor: string }): Promise<boolean>;
  /**
   * How many cases (this one included) have the same witness as case `id`, created from `since`
   * up to this case's creation; undefined when the case has no witness hash (or does not exist).
   */
  /** The id of the submission with this reference (exactly as stored, K7QM-3XRT-9PWA), if any. */
  submissionIdByReference(reference: string): Promise<string | undefined>;
  witnessSightings(id: string, since: (createdAt: string) => string): Promise<{ seen: number; createdAt: string } | undefined>;

  /** False when the username is taken: an existing user is never overwritten. Audited as `create_user` by `actor`. */
  createUser(user: StaffUser, actor?: string): Promise<boolean>;
  /** Deactivated users too (with disabledAt): the caller decides what they may do. */
  userByUsername(username: string): Promise<StaffUser | undefined>;
  /** Every account, by username. */
  listUsers(): Promise<StaffUserInfo[]>;
  /**
   * Deactivates an active account, ends its sessions and audits it, in one transaction. Refuses to
   * deactivate the last active admin, so that nobody is locked out of administration.
   */
  disableUser(username: string, at: string, actor: string): Promise<DisableUserOutcome>;

  /** Creates an account made at sign-in through the organisation's login, or sets its role to what the provider now grants. */
  upsertSsoUser(user: StaffUser): Promise<StaffUser>;

  /** Ends every session of an account (its provider no longer grants it a role). */
  endSessionsOfUser(userId: string): Promise<void>;
  /** The account's second factor, confirmed or still being enrolled. */
  secondFactor(userId: string): Promise<StoredSecondFactor | undefined>;
  /**
   * Sets an account's password hash and whether it must be changed at next sign-in, audited as
   * `action` by `actor`. A reset (mustChange) also ends the account's sessions. False if no such user.
   */
  setPassword(userId: string, passwordHash: string, mustChange: boolean, at: string, actor: string, action: 'change_password' | 'reset_password'): Promise<boolean>;
  /** Reactivates a deactivated account (audited); false when there is no deactivated account of that name. */
  reactivateUser(username: string, at: string, actor: string): Promise<boolean>;
  /** Changes an active account's role (audited), never leaving no active admin; its sessions end. */
  setUserRole(username: string, role: StaffRole, at: string, actor: string): Promise<'changed' | 'unchanged' | 'not_found' | 'last_admin'>;
  /** Moves a session's idle end on (never past its absolute end, which the caller computed). */
  extendSession(tokenHash: string, expiresAt: string): Promise<void>;
  /** Starts (or restarts) an enrolment with a new sealed secret; false if a confirmed factor exists. */
  startSecondFactor(userId: string, sealedSecret: string): Promise<boolean>;
  /**
   * Confirms an enrolment with the step of its first code and the recovery codes' hashes, audited as
   * `enrol_second_factor` by `actor`; false if there is no pending enrolment.
   */
  confirmSecondFactor(userId: string, step: number, recoveryHashes: string[], at: string, actor: string, detail?: Record<string, unknown>): Promise<boolean>;
  /** Records `step` as used; false when it (or a later step) was used already, so a code works once. */
  useTotpStep(userId: string, step: number): Promise<boolean>;
  /** Crosses a recovery code off (audited as `use_recovery_code`); false when it is not an unused one. */
  useRecoveryCode(userId: string, hash: string, at: string, actor: string): Promise<boolean>;

  /** Stores the session and, when given, its `login` audit entry in one transaction. */
  createSession(tokenHash: string, userId: string, createdAt: string, expiresAt: string, audit?: AuditEntry): Promise<void>;
  /** Only sessions that have not expired at `now`, of accounts that are active. */
  sessionByTokenHash(tokenHash: string, now: string): Promise<StaffSession | undefined>;
  /** Deletes the session and, when given, writes its `logout` audit entry in one transaction. */
  deleteSession(tokenHash: string, audit?: AuditEntry): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;

  /** Appends one entry; for actions that change nothing else (reads, logins, exports). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(filter: AuditFilter): Promise<StoredAuditEntry[]>;
  /** How many entries match the filter (its limit and offset ignored): the audit screen's total. */
  countAudit(filter: AuditFilter): Promise<number>;
  /**
   * What the ids an audit entry names are, for people reading the log: a submission's reference, a
   * device's name, an enrolment code's label. Ids that name nothing stored (any more) are left out.
   */
  auditSubjects(ids: readonly string[]): Promise<Record<string, AuditSubject>>;

  createEnrolmentCode(code: EnrolmentCode): Promise<void>;
  /** Whether a code with this hash exists and has not expired at `now`. */
  enrolmentCodeValid(codeHash: string, now: string): Promise<boolean>;
  /**
   * Counts one use of the code for a device of `kind`, if it is known, not expired at `now`, not
   * revoked, meant for that kind and not used up; otherwise says why not. The count is a
   * compare-and-set, so two devices racing for a code's last use cannot both get it.
   */
  claimEnrolmentCode(codeHash: string, kind: DeviceKind, now: string): Promise<EnrolmentCodeClaim>;
  /** Newest first; never the code or its hash. */
  listEnrolmentCodes(): Promise<EnrolmentCodeInfo[]>;
  /** Revokes and audits in one transaction; false (nothing audited) when there is no such code or it was revoked already. */
  revokeEnrolmentCode(id: string, at: string, actor: string): Promise<boolean>;

  /** Stores the plain `assisted`/`assistedBy` of a submission, read from its sealed payload by the staff routes. */
  recordAssisted(id: string, assisted: boolean, assistedBy: string | null): Promise<void>;

  /**
   * Deletes up to `limit` submissions received before `cutoff` with their history, and audits the
   * ids deleted, in one transaction. Answers the ids; an empty list means nothing was left to delete.
   */
  deleteSubmissionsReceivedBefore(cutoff: string, at: string, limit: number): Promise<string[]>;
  /**
   * Open cases (received, in progress) received before `cutoff`: deleted like closed ones, with
   * their history, audited as `retention_delete` with `open: true`. Answers the ids.
   */
  deleteOpenSubmissionsReceivedBefore(cutoff: string, at: string, limit: number): Promise<string[]>;
  /**
   * Deletes up to `limit` audit entries written before `cutoff` and audits that it did (count and
   * cutoff), in one transaction; the database refuses entries younger than its floor. Answers how many.
   */
  deleteAuditEntriesBefore(cutoff: string, at: string, limit: number): Promise<number>;

  /**
   * Books one attempt on every key before the caller checks a password or code (attempt-throttle.ts);
   * refused, with how long to wait, while any key is still waiting from earlier failures.
   */
  reserveAttempt(keys: readonly string[], now: Date, delay: DelayPolicy, forgetMs: number): Promise<Reservation>;
  /** Undoes a reservation that succeeded: `clear` keys start afresh, `refund` keys lose one failure. */
  refundAttempt(clear: readonly string[], refund: readonly string[]): Promise<void>;
  /** Keeps a device's latest report and when it came (the fleet view); replaces the previous one. */
  saveDeviceReport(deviceId: string, at: string, report: DeviceReport): Promise<void>;
  listDeviceReports(): Promise<StoredDeviceReport[]>;
  /** Staff credentials a tablet gets at online sign-in (staff-credentials.ts). */
  saveStaffCredential(credential: { tokenHash: string; deviceId: string; userId: string; issuedAt: string; expiresAt: string }): Promise<void>;
  staffCredentialByHash(tokenHash: string): Promise<StaffCredential | undefined>;
  /** One round trip to the database; throws when it cannot be reached (readiness). */
  ping(): Promise<void>;

  /** Help calls and queue tickets (counter-store.ts). */
  readonly counter: CounterStore;

  close(): Promise<void>;
}
