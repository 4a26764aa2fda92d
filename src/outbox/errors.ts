import type { FieldError } from '#contract/v1.ts';

/**
 * Typed failures of the outbox. Each names where it happened and keeps its cause; the UI maps
 * `kind`/`code` to a sentence in the citizen's language: where it went wrong and what to do next,
 * never the code itself.
 */

export { StorageError, storageErrorKind, type StorageErrorKind } from './storage-error.ts';

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
