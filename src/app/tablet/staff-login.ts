/**
 * The tablet's online sign-in: the server checks the staff member's password once (the
 * contract's staff login), and the tablet keeps no server session afterwards. From then on the
 * PIN unlocks the tablet offline (src/vault/vault.ts).
 */

export type StaffRole = 'caseworker' | 'admin';

/**
 * Who signed in online: the account, its role, and the organisation's name for the person if it
 * gave one. `renewalSecret` renews their staff credential: in memory until their PIN is there to
 * keep it under (src/vault).
 */
export interface VerifiedStaff {
  username: string;
  role: StaffRole;
  displayName?: string;
  renewalSecret?: string;
}
import { issueStaffCredential, type StaffCredentialAnswer } from '#outbox/staff-credential.ts';

export type LoginFailure = 'offline' | 'invalid' | 'tooMany' | 'failed' | 'disabled' | 'deviceRevoked' | 'deviceExpired';

export class LoginError extends Error {
  constructor(readonly reason: LoginFailure, options?: ErrorOptions) {
    super(`staff login: ${reason}`, options);
    this.name = 'LoginError';
  }
}

/** Verifies the staff member with the server, then ends the session it opened. Throws LoginError. */
export async function verifyStaff(username: string, password: string, fetcher: typeof fetch = fetch): Promise<VerifiedStaff> {
  let response: Response;
  try {
    response = await fetcher('/api/v1/staff/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new LoginError('offline', { cause });
  }
  if (response.status === 401) throw new LoginError('invalid');
  if (response.status === 429) throw new LoginError('tooMany');
  const body = (await response.json().catch(() => undefined)) as { username?: unknown; role?: unknown; error?: { code?: unknown } } | undefined;
  if (response.status === 403 && body?.error?.code === 'account_disabled') throw new LoginError('disabled');
  if (!response.ok) throw new LoginError('failed');
  if (typeof body?.username !== 'string' || (body.role !== 'caseworker' && body.role !== 'admin')) throw new LoginError('failed');
  // While the sign-in's session is open: the credential the server names this person's work by.
  const credential = await issueStaffCredential(fetcher);
  // The person is verified; a server session on a tablet that travels would only be a risk.
  await fetcher('/api/v1/staff/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  refuseUnlessIssued(credential);
  return { username: body.username, role: body.role, ...renewalOf(credential) };
}

/** A sign-in whose staff credential the server refused for the device's or account's sake is no sign-in. */
export function refuseUnlessIssued(credential: StaffCredentialAnswer): void {
  if (credential.outcome === 'deviceRevoked') throw new LoginError('deviceRevoked');
  if (credential.outcome === 'deviceExpired') throw new LoginError('deviceExpired');
  if (credential.outcome === 'accountDisabled') throw new LoginError('disabled');
}

export const renewalOf = (credential: StaffCredentialAnswer) => (credential.outcome === 'saved' && credential.renewalSecret ? { renewalSecret: credential.renewalSecret } : {});
