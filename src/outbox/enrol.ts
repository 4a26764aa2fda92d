import * as v from 'valibot';
import type { EnrollRequest, ServerKey } from '#contract/v1.ts';
import { withStorage } from './db.ts';
import { apiUrl } from './device.ts';
import { serverKeySchema, usableServerKey } from './server-key-update.ts';
import { EnrolmentError } from './errors.ts';
import { emitOutbox } from './events.ts';
import { DEVICE_KEY, type DeviceKind, type DeviceRecord } from './records.ts';

export interface EnrolInput {
  /** '' (the default) is the origin the app is served from; otherwise an http(s) URL. */
  serverUrl: string;
  code: string;
  name: string;
  kind: DeviceKind;
}

export interface EnrolOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  /** navigator.storage.persist by default; for tests. */
  persist?: () => Promise<boolean>;
}

const ENROLL_PATH = '/api/v1/devices/enroll';

const enrollResponseSchema = v.object({
  deviceId: v.pipe(v.string(), v.minLength(1)),
  token: v.pipe(v.string(), v.minLength(1)),
  serverKey: serverKeySchema,
  // Older servers send none: the first sync then renews the token and learns it.
  tokenExpiresAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
});

/**
 * Enrols this device with a sync server and stores what it needs to submit: the token and the
 * server's public key (the enrolment answer of src/contract/v1.ts). Asks the browser to keep storage persistent,
 * so the outbox is not evicted under pressure. A device enrolled again replaces its old enrolment,
 * and what is queued becomes due at once, to be sent with the new token.
 *
 * Throws EnrolmentError with a code the set-up screen maps to a sentence, or StorageError.
 */
export async function enrol(input: EnrolInput, options: EnrolOptions = {}): Promise<DeviceRecord> {
  const serverUrl = normalizeServerUrl(input.serverUrl);
  const request: EnrollRequest = { code: input.code.trim(), name: input.name.trim(), kind: input.kind };
  if (!request.code || !request.name || (request.kind !== 'kiosk' && request.kind !== 'tablet')) {
    throw new EnrolmentError('invalid_input', 'code, name and kind are required');
  }

  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await fetcher(apiUrl(serverUrl, ENROLL_PATH), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (cause) {
    throw new EnrolmentError('unreachable', `no answer from ${serverUrl || 'this origin'}`, { cause });
  }
  if (!response.ok) throw new EnrolmentError(await refusalCode(response), `HTTP ${response.status}`);

  const parsed = v.safeParse(enrollResponseSchema, await response.json().catch(() => undefined));
  if (!parsed.success) throw new EnrolmentError('bad_response', 'the answer is not an enrolment');
  const { deviceId, token, tokenExpiresAt } = parsed.output;
  let serverKey: ServerKey;
  try {
    serverKey = await usableServerKey(parsed.output.serverKey);
  } catch (cause) {
    throw new EnrolmentError('bad_response', 'the server key is not an RSA-OAEP-256 public key', { cause });
  }

  const now = options.now?.() ?? new Date();
  const device: DeviceRecord = {
    deviceId,
    token,
    serverKey,
    serverUrl,
    name: request.name,
    kind: request.kind,
    enrolledAt: now.toISOString(),
    ...(tokenExpiresAt ? { tokenIssuedAt: now.toISOString(), tokenExpiresAt } : {}),
    persisted: await requestPersistence(options.persist),
  };
  await withStorage('device.enrol', (db) =>
    db.transaction('rw', db.device, db.outbox, async () => {
      await db.device.put(device, DEVICE_KEY);
      // Items that waited out a revoked token's backoff go with the new one now.
      await db.outbox
        .where('status')
        .equals('queued')
        .modify((item) => {
          item.nextAttemptAt = now.getTime();
          if (item.lastError?.code === 'unauthorized') delete item.lastError;
        });
    }),
  );
  emitOutbox('enrolled', { deviceId });
  return device;
}

/** '' stays '' (this origin); otherwise an absolute http(s) URL without trailing slashes. */
export function normalizeServerUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  if (!trimmed) return '';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new EnrolmentError('invalid_url', `${trimmed} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EnrolmentError('invalid_url', `${trimmed} is not http(s)`);
  return trimmed;
}

/** The server's own codes for a code that exists but may not be used (src/server/auth/enrollment.ts). */
const codeRefusals: Readonly<Record<string, EnrolmentError['code']>> = {
  enrolment_code_expired: 'code_expired',
  enrolment_code_revoked: 'code_revoked',
  enrolment_code_used_up: 'code_used_up',
  enrolment_code_wrong_kind: 'code_wrong_kind',
};

/** Which refusal: the body's error code when the server says why a code was refused, else by status. */
async function refusalCode(response: Response): Promise<EnrolmentError['code']> {
  if (response.status === 403) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown } } | undefined;
    const refusal = typeof body?.error?.code === 'string' ? codeRefusals[body.error.code] : undefined;
    if (refusal) return refusal;
  }
  return codeForStatus(response.status);
}

function codeForStatus(status: number): EnrolmentError['code'] {
  if (status === 401 || status === 403) return 'wrong_code';
  if (status === 400 || status === 422) return 'invalid_input';
  if (status === 429) return 'rate_limited';
  if (status === 404 || status === 405) return 'not_a_server';
  return status >= 500 ? 'server_error' : 'bad_response';
}

/** Whether the browser granted persistent storage; false where it cannot be asked. */
async function requestPersistence(persist?: () => Promise<boolean>): Promise<boolean> {
  const ask = persist ?? (typeof navigator !== 'undefined' && navigator.storage?.persist ? () => navigator.storage.persist() : undefined);
  if (!ask) return false;
  try {
    return await ask();
  } catch {
    return false;
  }
}
