import type { Envelope } from '#contract/v1.ts';
import { submissionStatuses } from '#contract/staff.ts';
import type { AssistedMetadata } from '../../assisted.ts';
import type { ExistingOutcome } from '../../ingest/idempotency.ts';
import type { SearchDigest } from '../../search/blind-index.ts';
import type { SearchTerms } from '../../search/search-terms.ts';
import type { DeviceKind } from '../devices/device-store.ts';

export { submissionStatuses };
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
  /** The last day the case should be handled by (YYYY-MM-DD, Copenhagen): stored at arrival (migration 019). */
  dueAt: string;
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

/** How an envelope relates to what is stored (ingest/idempotency.ts); `undefined` from a look-up means neither id nor reference is known. */
export type InsertOutcome = 'stored' | ExistingOutcome;

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

export const submissionSortKeys = ['receivedAt', 'createdAt', 'type', 'status', 'reference', 'dueAt'] as const;
export interface SubmissionSort {
  key: (typeof submissionSortKeys)[number];
  direction: 'asc' | 'desc';
}

export type TransitionOutcome =
  | { ok: true; submission: SubmissionSummary }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_allowed'; status: SubmissionStatus };

/** The keys ingest compares an envelope by. */
export type EnvelopeProbe = { id: string; reference: string; contentHash: string; deviceId: string };

/** Arrival: what ingest needs to store envelopes exactly once. */
export interface IngestStore {
  /**
   * Classifies an envelope against what is stored, without writing: lets ingest skip decrypting
   * resends. A reference clashes only with the same device's rows; an id with any row.
   */
  existingOutcome(id: string, reference: string, contentHash: string, deviceId: string): Promise<ExistingOutcome | undefined>;
  /** existingOutcome for many envelopes in one query, answers in order: ingest asks once per request. */
  existingOutcomes(envelopes: readonly EnvelopeProbe[]): Promise<(ExistingOutcome | undefined)[]>;
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
}

/** What the back office reads of cases. */
export interface SubmissionReads {
  listSubmissions(filter: SubmissionFilter): Promise<{ submissions: SubmissionSummary[]; total: number }>;
  /** Every type that has a stored submission, sorted: the options of the inbox's type filter. */
  submissionTypes(): Promise<string[]>;
  submission(id: string): Promise<SubmissionRecord | undefined>;
  history(id: string): Promise<SubmissionEvent[]>;
  /** The id of the submission with this reference (exactly as stored, K7QM-3XRT-9PWA), if any. */
  submissionIdByReference(reference: string): Promise<string | undefined>;
  /**
   * How many cases (this one included) have the same witness as case `id`, created from `since`
   * up to this case's creation; undefined when the case has no witness hash (or does not exist).
   */
  witnessSightings(id: string, since: (createdAt: string) => string): Promise<{ seen: number; createdAt: string } | undefined>;
  /** Up to `limit` cases not yet in the search index (stored before it existed, or copied from another database). */
  unindexedSubmissionIds(limit: number): Promise<string[]>;
  /** Stores a case's search digests and marks it indexed (idempotent). */
  addSearchDigests(id: string, digests: readonly SearchDigest[]): Promise<void>;
}

/** What caseworkers change on a case; each change is audited in its transaction. */
export interface CaseworkStore {
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
  /** Stores the plain `assisted`/`assistedBy` of a submission, read from its sealed payload by the staff routes. */
  recordAssisted(id: string, assisted: boolean, assistedBy: string | null): Promise<void>;
}

/** Retention's deletions (retention.ts; which cases each may touch: retention-rule.ts). */
export interface RetentionDeletes {
  /**
   * Deletes up to `limit` closed submissions received before `cutoff` with their history, and audits the
   * ids deleted, in one transaction. Answers the ids; an empty list means nothing was left to delete.
   */
  deleteSubmissionsReceivedBefore(cutoff: string, at: string, limit: number): Promise<string[]>;
  /**
   * Open cases (received, in progress) received before `cutoff`: deleted like closed ones, with
   * their history, audited as `retention_delete` with `open: true`. Answers the ids.
   */
  deleteOpenSubmissionsReceivedBefore(cutoff: string, at: string, limit: number): Promise<string[]>;
}

export interface SubmissionStore extends IngestStore, SubmissionReads, CaseworkStore, RetentionDeletes {}
