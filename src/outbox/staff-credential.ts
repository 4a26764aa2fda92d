import type { Envelope } from '#contract/v1.ts';
import { withStorage } from './db.ts';
import { apiUrl, readDevice } from './device.ts';
import { refusalOf } from './batch-reply.ts';
import { DEVICE_KEY, type DeviceRecord, type DeviceRefusal, type StaffCredentialRecord } from './records.ts';

/** What asking the server for a staff credential came to. */
export type StaffCredentialOutcome = 'saved' | 'notTablet' | 'deviceRevoked' | 'deviceExpired' | 'accountDisabled' | 'signInAgain' | 'unavailable';
/**
 * `renewalSecret` renews the saved credential once (extendStaffCredential): the caller keeps it
 * under the staff member's PIN (src/vault), never beside the credential in the clear.
 */
export type StaffCredentialAnswer = { outcome: 'saved'; renewalSecret?: string } | { outcome: Exclude<StaffCredentialOutcome, 'saved'> };

const ISSUE_PATH = '/api/v1/devices/staff-credential';
const RENEW_PATH = '/api/v1/devices/staff-credential/renew';
/** An unlock must not hang on a bad connection: after this the tablet opens with what it holds. */
export const RENEW_TIMEOUT_MS = 5_000;

/**
 * Right after a staff member signed in online (the server session of that sign-in is still open),
 * asks the server for a staff credential bound to this tablet and that account, and keeps it in
 * the device record. Work sealed while it is valid carries it (attachStaffCredential); the server
 * names the assisting staff member from it, never from the sealed `assistedBy`.
 */
export function issueStaffCredential(fetcher: typeof fetch = fetch): Promise<StaffCredentialAnswer> {
  return askForCredential(ISSUE_PATH, undefined, fetcher);
}

/**
 * At an online unlock: renews `username`'s credential with the secret kept under their PIN, and
 * keeps the new one. 'signInAgain': the server renews this chain no more (or never could):
 * the person's work goes without a credential until they sign in online again.
 */
export async function extendStaffCredential(username: string, renewalSecret: string, fetcher: typeof fetch = fetch): Promise<StaffCredentialAnswer> {
  const device = await readDevice().catch(() => undefined);
  const held = device && heldStaffCredential(device, username);
  if (!held) return { outcome: 'signInAgain' };
  return askForCredential(RENEW_PATH, { credential: held.credential, renewalSecret }, fetcher);
}

async function askForCredential(path: `/api/${string}`, body: unknown, fetcher: typeof fetch): Promise<StaffCredentialAnswer> {
  // Storage trouble must not stop the sign-in: the work is then sent without a credential.
  const device = await readDevice().catch(() => undefined);
  if (!device || device.kind !== 'tablet') return { outcome: 'notTablet' };
  let response: Response;
  try {
    response = await fetcher(apiUrl(device.serverUrl, path), {
      method: 'POST',
      headers: { Authorization: `Bearer ${device.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body), signal: AbortSignal.timeout(RENEW_TIMEOUT_MS) }),
    });
  } catch {
    return { outcome: 'unavailable' };
  }
  const answer = (await response.json().catch(() => undefined)) as { error?: { code?: unknown }; credential?: unknown; username?: unknown; expiresAt?: unknown; renewalSecret?: unknown } | undefined;
  if (response.status === 401) {
    const refusal = refusalOf(typeof answer?.error?.code === 'string' ? answer.error.code : undefined);
    // Noted like a refused sync run, so the header and the outbox say it too.
    await noteRefusal(refusal).catch(() => undefined);
    return { outcome: refusal === 'expired' ? 'deviceExpired' : 'deviceRevoked' };
  }
  const code = answer?.error?.code;
  if (response.status === 403 && code === 'account_disabled') return { outcome: 'accountDisabled' };
  if (response.status === 403 && (code === 'renewal_refused' || code === 'sign_in_again')) return { outcome: 'signInAgain' };
  if (response.status === 404 && code === 'unknown_credential') return { outcome: 'signInAgain' };
  if (response.status !== 201 || typeof answer?.credential !== 'string' || typeof answer.username !== 'string' || typeof answer.expiresAt !== 'string') return { outcome: 'unavailable' };
  const staffCredential: StaffCredentialRecord = { credential: answer.credential, username: answer.username, expiresAt: answer.expiresAt };
  try {
    // Each staff member on a shared tablet keeps their own; a sign-in never replaces another person's.
    await withStorage('device.staffCredential', (db) =>
      db.transaction('rw', db.device, async () => {
        const current = await db.device.get(DEVICE_KEY);
        if (current) await db.device.put({ ...current, staffCredentials: { ...current.staffCredentials, [staffCredential.username]: staffCredential } }, DEVICE_KEY);
      }),
    );
  } catch {
    return { outcome: 'unavailable' };
  }
  return { outcome: 'saved', ...(typeof answer.renewalSecret === 'string' ? { renewalSecret: answer.renewalSecret } : {}) };
}

/**
 * The envelope with the staff credential beside it (plain metadata, not sealed), when the work is
 * the credential holder's and sealed while it is valid; else the envelope as it is.
 */
export function attachStaffCredential(envelope: Envelope, assistedBy: string | undefined, device: DeviceRecord, now: Date): Envelope {
  const held = assistedBy === undefined ? undefined : heldStaffCredential(device, assistedBy);
  if (!held || Date.parse(held.expiresAt) <= now.getTime()) return envelope;
  return { ...envelope, staffCredential: held.credential };
}

/** The credential this tablet holds for `username` (a tablet from before shared use kept one, unnamed by key). */
export function heldStaffCredential(device: DeviceRecord, username: string): StaffCredentialRecord | undefined {
  const own = device.staffCredentials && Object.hasOwn(device.staffCredentials, username) ? device.staffCredentials[username] : undefined;
  return own ?? (device.staffCredential?.username === username ? device.staffCredential : undefined);
}

/**
 * A staff member signs out of a shared tablet: their credential goes with their keys. What they
 * queued keeps the credential it was sealed with (attached at queueing), so it is still theirs.
 */
export async function forgetStaffCredential(username: string): Promise<void> {
  await withStorage('device.forgetStaffCredential', (db) =>
    db.transaction('rw', db.device, async () => {
      const current = await db.device.get(DEVICE_KEY);
      if (!current) return;
      const { [username]: _gone, ...others } = current.staffCredentials ?? {};
      const next: DeviceRecord = { ...current, staffCredentials: others };
      if (current.staffCredential?.username === username) delete next.staffCredential;
      await db.device.put(next, DEVICE_KEY);
    }),
  );
}

async function noteRefusal(refused: DeviceRefusal): Promise<void> {
  await withStorage('device.refused', (db) =>
    db.transaction('rw', db.device, async () => {
      const device = await db.device.get(DEVICE_KEY);
      if (device) await db.device.put({ ...device, sync: { ...device.sync, refused } }, DEVICE_KEY);
    }),
  );
}
