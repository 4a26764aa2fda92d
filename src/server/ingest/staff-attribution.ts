import type { Envelope, FieldError, SealedPayload } from '#contract/v1.ts';
import { isTabletOnlyType } from '#forms/device-kinds.ts';
import type { AssistedMetadata } from '../assisted.ts';
import { sha256 } from '../crypto/tokens.ts';
import type { StaffCredential } from '../store/staff/staff-credentials.ts';

/** Clocks on a tablet and the server differ a little; work sealed this close to a boundary counts as inside. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type Attribution = { ok: true; assisted: AssistedMetadata } | { ok: false; error: FieldError };

/**
 * Who assisted, as the server vouches for it: the staff credential the tablet got at online
 * sign-in (bound to that device and account), never the payload's `assistedBy`, which the device
 * wrote itself. Work sealed before the account was deactivated is kept and marked; work sealed
 * after it, or outside the credential's lifetime, or under another device's credential, is refused.
 * Work without a credential (apps from before credentials) is stored as assisted by no one named.
 */
export async function attributeStaffWork(
  envelope: Envelope,
  payload: SealedPayload,
  deviceId: string,
  lookUp: (tokenHash: string) => Promise<StaffCredential | undefined>,
): Promise<Attribution> {
  const staffWork = payload.assisted === true || payload.assistedBy !== undefined || isTabletOnlyType(payload.type);
  if (!staffWork) return { ok: true, assisted: { assisted: false, assistedBy: null } };
  if (!envelope.staffCredential) return { ok: true, assisted: { assisted: true, assistedBy: null } };
  const credential = await lookUp(sha256(envelope.staffCredential));
  if (!credential || credential.deviceId !== deviceId) return refuse('unknown_credential');
  const sealedAt = Date.parse(envelope.createdAt);
  if (sealedAt < Date.parse(credential.issuedAt) - CLOCK_SKEW_MS || sealedAt > Date.parse(credential.expiresAt) + CLOCK_SKEW_MS) return refuse('credential_expired');
  if (credential.disabledAt !== null) {
    if (sealedAt >= Date.parse(credential.disabledAt)) return refuse('account_disabled');
    return { ok: true, assisted: { assisted: true, assistedBy: credential.username, assistedByDisabled: true } };
  }
  return { ok: true, assisted: { assisted: true, assistedBy: credential.username } };
}

const refuse = (code: string): Attribution => ({ ok: false, error: { path: 'staffCredential', code } });
