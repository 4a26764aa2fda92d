import { apiUrl, readDevice } from './device.ts';
import { heldStaffCredential } from './staff-credential.ts';

/**
 * What the server says, at an online unlock, about the staff member whose credential this tablet
 * holds: still 'active', 'disabled' (the tablet locks and stays locked for that account), or
 * 'unknown' when it cannot tell (offline, no credential, a server without the check): the PIN
 * alone decides then, as it does offline.
 */
export type StaffCheck = 'active' | 'disabled' | 'unknown';

const CHECK_PATH = '/api/v1/devices/staff-check';
/** An unlock must not hang on a bad connection: after this, the PIN alone decides. */
export const STAFF_CHECK_TIMEOUT_MS = 5_000;

export async function checkStaffAccount(username: string, fetcher: typeof fetch = fetch): Promise<StaffCheck> {
  const device = await readDevice().catch(() => undefined);
  const held = device && heldStaffCredential(device, username);
  if (!device || device.kind !== 'tablet' || !held) return 'unknown';
  let response: Response;
  try {
    response = await fetcher(apiUrl(device.serverUrl, CHECK_PATH), {
      method: 'POST',
      headers: { Authorization: `Bearer ${device.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ credential: held.credential }),
      signal: AbortSignal.timeout(STAFF_CHECK_TIMEOUT_MS),
    });
  } catch {
    return 'unknown';
  }
  if (response.status === 200) return 'active';
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown } } | undefined;
  if (response.status === 403 && body?.error?.code === 'account_disabled') return 'disabled';
  return 'unknown';
}
