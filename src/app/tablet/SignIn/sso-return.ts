import { issueStaffCredential } from '#outbox/staff-credential.ts';
import { LoginError, refuseUnlessIssued, renewalOf, type VerifiedStaff } from '../staff-login.ts';

/**
 * The tablet's sign-in through the organisation's login: the browser went to the provider and came
 * back to /tablet?sso=1 with a server session. As with the password sign-in, the tablet learns who
 * signed in and, while that session is open, the staff credential its work is named by; then it
 * ends that session at once (a session on a tablet that travels is only a risk). LoginError when
 * the server refuses the credential for the device's or the account's sake.
 */
export const ssoReturned = (search: string) => new URLSearchParams(search).get('sso') === '1';

export async function staffFromSsoSession(fetcher: typeof fetch = fetch): Promise<VerifiedStaff | undefined> {
  try {
    const res = await fetcher('/api/v1/staff/session', { credentials: 'same-origin' });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { username?: unknown; role?: unknown; displayName?: unknown };
    if (typeof body.username !== 'string' || (body.role !== 'caseworker' && body.role !== 'admin')) return undefined;
    const displayName = typeof body.displayName === 'string' && body.displayName.trim() ? body.displayName.trim().slice(0, 200) : undefined;
    const credential = await issueStaffCredential(fetcher);
    refuseUnlessIssued(credential);
    return { username: body.username, role: body.role, ...(displayName ? { displayName } : {}), ...renewalOf(credential) };
  } catch (error) {
    if (error instanceof LoginError) throw error;
    return undefined;
  } finally {
    await fetcher('/api/v1/staff/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  }
}

/** Whether the server offers the organisation's login (GET /api/v1/staff/sso); false offline. */
export async function ssoOffered(fetcher: typeof fetch = fetch): Promise<boolean> {
  try {
    const res = await fetcher('/api/v1/staff/sso', { credentials: 'same-origin' });
    return res.ok && ((await res.json()) as { enabled?: unknown }).enabled === true;
  } catch {
    return false;
  }
}

export const TABLET_SSO_START = '/api/v1/staff/sso/start?return=tablet';
