import type { FieldError } from '#contract/v1.ts';

/**
 * Typed failures of the outbox. Each names where it happened and keeps its cause; the UI maps
 * `kind`/`code` to a sentence in the citizen's language: where it went wrong and what to do next,
 * never the code itself.
 */

export type StorageErrorKind = 'quota' | 'closed' | 'blocked' | 'unknown';

/** IndexedDB could not do what was asked. The citizen's answers are still in memory: offer a printed copy. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly operation: string,
    override readonly cause: unknown,
    readonly kind: StorageErrorKind = storageErrorKind(cause),
  ) {
    super(`${operation}: ${kind} (${describe(cause)})`, { cause });
  }
}

/** The device has no enrolment, so there is no server key to encrypt for. */
export class NotEnrolledError extends Error {
  override readonly name = 'NotEnrolledError';
  constructor(readonly operation: string) {
    super(`${operation}: this device is not enrolled`);
  }
}

/** The request failed the same schema the server applies; nothing was stored. */
export class SubmissionInvalidError extends Error {
  override readonly name = 'SubmissionInvalidError';
  constructor(readonly type: string, readonly errors: FieldError[]) {
    super(`outbox.submit: ${type} is invalid: ${errors.map((e) => `${e.path} ${e.code}`).join(', ')}`);
  }
}

/** The sealed request is larger than one request body may be (contract: 2 MiB); nothing was stored. */
export class SubmissionTooLargeError extends Error {
  override readonly name = 'SubmissionTooLargeError';
  constructor(readonly type: string, readonly bytes: number, readonly limit: number) {
    super(`outbox.submit: ${type} is ${bytes} bytes sealed, over the limit of ${limit}`);
  }
}

/** Why an enrolment failed, one code per sentence the set-up screen shows. */
export type EnrolmentErrorCode =
  | 'invalid_input'
  | 'invalid_url'
  | 'wrong_code'
  | 'code_expired'
  | 'code_revoked'
  | 'code_used_up'
  | 'code_wrong_kind'
  | 'rate_limited'
  | 'unreachable'
  | 'not_a_server'
  | 'server_error'
  | 'bad_response';

export class EnrolmentError extends Error {
  override readonly name = 'EnrolmentError';
  constructor(readonly code: EnrolmentErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`outbox.enrol: ${code}: ${detail}`, options);
  }
}

/** Classifies a DOMException or Dexie error, looking through Dexie's `inner` wrapping. */
export function storageErrorKind(cause: unknown): StorageErrorKind {
  for (const name of errorNames(cause)) {
    if (name === 'QuotaExceededError') return 'quota';
    if (name === 'DatabaseClosedError' || name === 'InvalidStateError') return 'closed';
    // VersionError: a newer app upgraded the database and this one cannot open it until it updates.
    if (name === 'BlockedError' || name === 'VersionError') return 'blocked';
  }
  return 'unknown';
}

function errorNames(cause: unknown): string[] {
  const names: string[] = [];
  let current: unknown = cause;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { name, inner, cause: next } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner ?? next;
  }
  return names;
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}

/** No outbox item has this id (retryItem, discardRejected). */
export class OutboxItemNotFoundError extends Error {
  override readonly name = 'OutboxItemNotFoundError';
  constructor(readonly operation: string, readonly itemId: string) {
    super(`${operation}: no outbox item ${itemId}`);
  }
}

/** A rejected item is only discarded with a reason and the name of who did it: the tombstone says why it was never delivered. */
export class DiscardReasonRequiredError extends Error {
  override readonly name = 'DiscardReasonRequiredError';
  constructor(readonly itemId: string, readonly missing: 'reason' | 'by') {
    super(`outbox.discard: ${itemId} needs a non-empty ${missing}`);
  }
}
