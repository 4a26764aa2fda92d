import * as v from 'valibot';
import { refusalOf } from './batch-reply.ts';
import { withStorage } from './db.ts';
import { apiUrl } from './device.ts';
import { DEVICE_KEY, type DeviceRecord, type DeviceRefusal } from './records.ts';

/**
 * Device tokens expire (the server's DEVICE_TOKEN_DAYS). A device in contact renews its token once
 * a third of its life has passed, so that even a device offline for a while gets back before the
 * end. The server keeps the old token working for a short overlap: if this answer is lost, the
 * next run renews again with the old one. Runs under the sync lock (sync.ts).
 */

export interface RenewalOptions {
  fetch?: typeof fetch;
  /** Epoch milliseconds. */
  now?: () => number;
}

export type Renewal = { device: DeviceRecord } | { refusal: DeviceRefusal };

const TOKEN_PATH = '/api/v1/devices/token';
const REQUEST_TIMEOUT_MS = 30_000;
const answerSchema = v.object({ token: v.pipe(v.string(), v.minLength(16)), tokenExpiresAt: v.pipe(v.string(), v.isoTimestamp()) });

/** Whether the token should be renewed now; one enrolled before tokens expired renews at once, to learn its expiry. */
export function renewalDue(device: Pick<DeviceRecord, 'tokenIssuedAt' | 'tokenExpiresAt'>, now: number): boolean {
  const issued = Date.parse(device.tokenIssuedAt ?? '');
  const expires = Date.parse(device.tokenExpiresAt ?? '');
  if (Number.isNaN(issued) || Number.isNaN(expires)) return true;
  return now >= issued + (expires - issued) / 3;
}

/**
 * The device with a fresh token when one was due and the server gave it; the device as it was
 * when renewal was not due or did not get through (the run then finds out for itself); the
 * refusal when the server says the device is revoked or its token expired.
 */
export async function renewTokenIfDue(device: DeviceRecord, options: RenewalOptions = {}): Promise<Renewal> {
  const now = options.now ?? Date.now;
  if (!renewalDue(device, now())) return { device };
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await fetcher(apiUrl(device.serverUrl, TOKEN_PATH), {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { device };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) return { refusal: refusalOf((body as { error?: { code?: string } } | undefined)?.error?.code) };
  const parsed = v.safeParse(answerSchema, body);
  // An older server without the route, a proxy, a busy server: keep the token that still works.
  if (response.status !== 201 || !parsed.success) return { device };
  const renewed: DeviceRecord = { ...device, token: parsed.output.token, tokenIssuedAt: new Date(now()).toISOString(), tokenExpiresAt: parsed.output.tokenExpiresAt };
  try {
    const stored = await withStorage('device.renewToken', (db) =>
      db.transaction('rw', db.device, async () => {
        const current = await db.device.get(DEVICE_KEY);
        // Enrolled again meanwhile: that enrolment's token wins.
        if (current?.token !== device.token) return false;
        await db.device.update(DEVICE_KEY, { token: renewed.token, tokenIssuedAt: renewed.tokenIssuedAt, tokenExpiresAt: renewed.tokenExpiresAt });
        return true;
      }),
    );
    return { device: stored ? renewed : device };
  } catch {
    // Not stored: the old token works for the overlap, and the next run renews again with it.
    return { device };
  }
}
