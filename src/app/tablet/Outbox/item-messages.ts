/**
 * The server's reasons, as keys of the tablet's own texts: the server writes its messages in
 * English for operators, and the outbox screen must speak the tablet's language.
 */

/** Why the last attempt did not go through (the outbox's OutboxError codes). */
const LAST_ERRORS: Readonly<Record<string, string>> = {
  unauthorized: 'tablet:outbox.lastErrors.unauthorized',
  network: 'tablet:outbox.lastErrors.network',
  too_large: 'tablet:outbox.lastErrors.tooLarge',
  rate_limited: 'tablet:outbox.lastErrors.busy',
};

export function lastErrorKey(code: string): string {
  return LAST_ERRORS[code] ?? 'tablet:outbox.lastErrors.server';
}

/** Why the server refused an item, for the codes staff can act on; other codes are shown as they are. */
const REJECTIONS: Readonly<Record<string, string>> = {
  account_disabled: 'tablet:outbox.rejections.accountDisabled',
  credential_expired: 'tablet:outbox.rejections.credentialExpired',
  unknown_credential: 'tablet:outbox.rejections.unknownCredential',
  not_for_device_kind: 'tablet:outbox.rejections.notForDeviceKind',
};

export function rejectionKey(code: string): string | undefined {
  return REJECTIONS[code];
}
