import type { Envelope } from '../../contract/v1.ts';

/**
 * What the routes need from storage, and nothing more. One implementation (kysely-store.ts) runs on
 * SQLite and PostgreSQL; tests/server/store-contract.ts checks both against this description.
 * Times are ISO 8601 strings in UTC (`toISOString()`), so they sort as text on both databases.
 */

export type StorageKind = 'sqlite' | 'postgres';

export const deviceKinds = ['kiosk', 'tablet'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export interface Device {
  id: string;
  name: string;
  kind: DeviceKind;
  createdAt: string;
  revokedAt: string | null;
}

export interface StoredServerKey {
  kid: string;
  publicJwk: JsonWebKey;
  privateJwk: JsonWebKey;
  createdAt: string;
}

export const submissionStatuses = ['received', 'in_progress', 'done', 'rejected'] as const;
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
  limit?: number;
  offset?: number;
}

export type TransitionOutcome =
  | { ok: true; submission: SubmissionSummary }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_allowed'; status: SubmissionStatus };

export const staffRoles = ['admin', 'caseworker'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffUser {
  id: string;
  username: string;
  role: StaffRole;
  passwordHash: string;
  createdAt: string;
}

export interface StaffSession {
  userId: string;
  username: string;
  role: StaffRole;
  expiresAt: string;
}

export const auditActions = [
  'login',
  'login_failed',
  'logout',
  'read_submission',
  'transition',
  'export_csv',
  'create_user',
  'enrol_device',
  'revoke_device',
  'create_enrolment_code',
  'retention_delete',
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

export interface AuditFilter {
  target?: string;
  actor?: string;
  limit?: number;
}

/** Which kind of code enrolled a device: the ENROLLMENT_CODE of the environment, or one an admin made. */
export type EnrolmentVia = 'env_code' | 'admin_code';

export interface EnrolmentCode {
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
}

export interface Store {
  readonly kind: StorageKind;

  /** The key devices encrypt for. Several processes may race to create it: the first insert wins. */
  activeServerKey(): Promise<StoredServerKey | undefined>;
  /** Stores `key` as the active key unless one exists already; answers the active key either way. */
  addServerKeyIfNoneActive(key: StoredServerKey): Promise<StoredServerKey>;
  serverKey(kid: string): Promise<StoredServerKey | undefined>;

  /** Stores the device and its `enrol_device` audit entry together. */
  createDevice(device: Device, tokenHash: string, via?: EnrolmentVia): Promise<void>;
  /** Revoked devices are answered too: the caller decides what a revoked device may do. */
  deviceByTokenHash(tokenHash: string): Promise<Device | undefined>;
  listDevices(): Promise<Device[]>;
  /** Revokes and audits in one transaction; false (and nothing audited) when there was nothing to revoke. */
  revokeDevice(id: string, at: string, actor?: string): Promise<boolean>;

  /** Classifies an envelope against what is stored, without writing: lets ingest skip decrypting resends. */
  existingOutcome(id: string, reference: string, contentHash: string): Promise<Exclude<InsertOutcome, 'stored'> | undefined>;
  /** existingOutcome for many envelopes in one query, answers in order: ingest asks once per request. */
  existingOutcomes(envelopes: readonly { id: string; reference: string; contentHash: string }[]): Promise<(Exclude<InsertOutcome, 'stored'> | undefined)[]>;
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
  submission(id: string): Promise<SubmissionRecord | undefined>;
  history(id: string): Promise<SubmissionEvent[]>;
  /** Moves a submission to `to` if its current status is one of `allowedFrom`, recording the event and its audit entry. */
  transitionSubmission(
    id: string,
    to: SubmissionStatus,
    allowedFrom: readonly SubmissionStatus[],
    event: { at: string; note: string | null; actor: string },
  ): Promise<TransitionOutcome>;

  /** False when the username is taken: an existing user is never overwritten. Audited as `create_user` by `actor`. */
  createUser(user: StaffUser, actor?: string): Promise<boolean>;
  userByUsername(username: string): Promise<StaffUser | undefined>;

  /** Stores the session and, when given, its `login` audit entry in one transaction. */
  createSession(tokenHash: string, userId: string, createdAt: string, expiresAt: string, audit?: AuditEntry): Promise<void>;
  /** Only sessions that have not expired at `now`. */
  sessionByTokenHash(tokenHash: string, now: string): Promise<StaffSession | undefined>;
  /** Deletes the session and, when given, writes its `logout` audit entry in one transaction. */
  deleteSession(tokenHash: string, audit?: AuditEntry): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;

  /** Appends one entry; for actions that change nothing else (reads, logins, exports). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(filter: AuditFilter): Promise<StoredAuditEntry[]>;

  createEnrolmentCode(code: EnrolmentCode): Promise<void>;
  /** Whether a code with this hash exists and has not expired at `now`. */
  enrolmentCodeValid(codeHash: string, now: string): Promise<boolean>;

  /**
   * Deletes up to `limit` submissions received before `cutoff` with their history, and audits the
   * ids deleted, in one transaction. Answers the ids; an empty list means nothing was left to delete.
   */
  deleteSubmissionsReceivedBefore(cutoff: string, at: string, limit: number): Promise<string[]>;

  close(): Promise<void>;
}
