import { timingSafeEqualText } from '../crypto/tokens.ts';
import type { StaffCredential } from '../store/store.ts';

/**
 * How long a staff credential vouches for work sealed under it: one working day. A tablet online
 * renews it at every unlock (the PIN opens the secret that renews it); work sealed while a
 * credential was valid is accepted however late it arrives.
 */
export const STAFF_CREDENTIAL_HOURS = 12;

/**
 * How long renewals may go on after the online sign-in they started from: a staff member signs in
 * through the organisation's login (or their password and second factor) at least this often,
 * so that what the organisation decided about them since reaches the tablet.
 */
export const STAFF_SIGN_IN_DAYS = 14;

/**
 * A renewal secret already used still works this long: the tablet may not have received the
 * first answer. The first renewal's time counts, so retries cannot stretch it.
 */
export const RENEWAL_RETRY_MS = 60 * 60 * 1000;

export type RenewalRefusal = 'unknown_credential' | 'account_disabled' | 'renewal_refused' | 'sign_in_again';

/**
 * Why `credential` may not be renewed by this device with this secret (its hash), or undefined
 * when it may. Another device's credential is as unknown as a made-up one.
 */
export function renewalRefusal(credential: StaffCredential | undefined, deviceId: string, secretHash: string, now: Date): RenewalRefusal | undefined {
  if (!credential || credential.deviceId !== deviceId) return 'unknown_credential';
  if (credential.disabledAt !== null) return 'account_disabled';
  if (credential.renewalHash === null || !timingSafeEqualText(credential.renewalHash, secretHash)) return 'renewal_refused';
  if (credential.renewedAt !== null && now.getTime() - Date.parse(credential.renewedAt) > RENEWAL_RETRY_MS) return 'renewal_refused';
  if (now.getTime() - Date.parse(credential.signedInAt) > STAFF_SIGN_IN_DAYS * 86_400_000) return 'sign_in_again';
  return undefined;
}

/** When a credential issued at `now` stops vouching for new work. */
export function staffCredentialExpiry(now: Date): string {
  return new Date(now.getTime() + STAFF_CREDENTIAL_HOURS * 3_600_000).toISOString();
}
