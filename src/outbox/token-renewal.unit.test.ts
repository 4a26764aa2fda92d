import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDevice } from './device.ts';
import { submit } from './submit.ts';
import { syncOutbox } from './sync.ts';
import { outboxDb } from './db.ts';
import { renewalDue, renewTokenIfDue } from './token-renewal.ts';
import { TEST_TYPE, clearOutboxDb, makeServerKeys, registerTestRequestType, storeDevice, testDevice, type TestServerKeys } from './outbox.fixtures.ts';

let keys: TestServerKeys;
beforeAll(async () => {
  registerTestRequestType();
  keys = await makeServerKeys();
});
afterEach(clearOutboxDb);

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const DAY = 86_400_000;
const ISSUED = Date.parse('2026-01-01T00:00:00.000Z');
const NEW_TOKEN = 'n'.repeat(43);
const noLock = async <T>(f: () => Promise<T>) => ({ ran: true as const, value: await f() });

describe('when a token is renewed', () => {
  const device = { tokenIssuedAt: new Date(ISSUED).toISOString(), tokenExpiresAt: new Date(ISSUED + 90 * DAY).toISOString() };
  it('not before a third of its life, and from then on', () => {
    expect(renewalDue(device, ISSUED + 29 * DAY)).toBe(false);
    expect(renewalDue(device, ISSUED + 30 * DAY)).toBe(true);
    expect(renewalDue(device, ISSUED + 89 * DAY)).toBe(true);
  });
  it('at once when the device never learnt its expiry (enrolled before tokens expired)', () => {
    expect(renewalDue({}, ISSUED)).toBe(true);
  });
});

describe('renewing the token', () => {
  it('stores the fresh token where the old one was, and sends with it', async () => {
    // Issued 40 days ago, valid for 90: past a third of its life.
    const issued = Date.now() - 40 * DAY;
    await storeDevice(testDevice(keys.serverKey, { token: 'old-token-1234567890', tokenIssuedAt: new Date(issued).toISOString(), tokenExpiresAt: new Date(issued + 90 * DAY).toISOString() }));
    await submit({ type: TEST_TYPE, data: { note: 'x' } });
    const calls: { url: string; auth: string }[] = [];
    const fetcher = vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, auth: new Headers(init?.headers).get('authorization')! });
      if (url.endsWith('/api/v1/devices/token')) return json(201, { token: NEW_TOKEN, tokenExpiresAt: new Date(issued + 130 * DAY).toISOString() });
      const body = JSON.parse(String(init!.body)) as { submissions: { id: string }[] };
      return json(200, { results: body.submissions.map((s) => ({ id: s.id, status: 'stored' })) });
    });
    const at = Date.now() + 1000;
    const result = await syncOutbox({ fetch: fetcher as unknown as typeof fetch, now: () => at, lock: noLock });
    expect(result).toMatchObject({ outcome: 'done', stored: 1 });
    expect(calls).toEqual([
      { url: 'https://sync.example/api/v1/devices/token', auth: 'Bearer old-token-1234567890' },
      { url: 'https://sync.example/api/v1/submissions', auth: `Bearer ${NEW_TOKEN}` },
    ]);
    const stored = (await readDevice())!;
    expect(stored).toMatchObject({ token: NEW_TOKEN, tokenIssuedAt: new Date(at).toISOString(), tokenExpiresAt: new Date(issued + 130 * DAY).toISOString() });
  });

  it('keeps the old token when the answer is lost, so the next run renews again with it', async () => {
    const before = testDevice(keys.serverKey, { token: 'old-token-1234567890', tokenIssuedAt: undefined, tokenExpiresAt: undefined });
    await storeDevice(before);
    const lost = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await renewTokenIfDue(before, { fetch: lost as unknown as typeof fetch })).toEqual({ device: before });
    expect((await readDevice())!.token).toBe('old-token-1234567890');
  });

  it('reports an expired or revoked token, and a sync run then keeps everything queued and notes why', async () => {
    await storeDevice(testDevice(keys.serverKey, { tokenIssuedAt: undefined }));
    const expired = vi.fn(async () => json(401, { error: { code: 'token_expired', message: 'The device token has expired' } }));
    await submit({ type: TEST_TYPE, data: { note: 'x' } });
    const result = await syncOutbox({ fetch: expired as unknown as typeof fetch, lock: noLock });
    expect(result).toMatchObject({ outcome: 'unauthorized', refusal: 'expired' });
    expect((await readDevice())!.sync).toMatchObject({ lastOutcome: 'unauthorized', refused: 'expired' });
    expect((await outboxDb().outbox.toArray()).map((i) => i.status)).toEqual(['queued']);
    const revoked = vi.fn(async () => json(401, { error: { code: 'invalid_token', message: 'x' } }));
    expect(await renewTokenIfDue((await readDevice())!, { fetch: revoked as unknown as typeof fetch })).toEqual({ refusal: 'revoked' });
  });

  it('a 401 to a batch notes the refusal too, and a run that gets through clears it', async () => {
    await storeDevice(testDevice(keys.serverKey));
    await submit({ type: TEST_TYPE, data: { note: 'x' } });
    const revoked = vi.fn(async () => json(401, { error: { code: 'invalid_token', message: 'x' } }));
    expect(await syncOutbox({ fetch: revoked as unknown as typeof fetch, lock: noLock })).toMatchObject({ outcome: 'unauthorized', refusal: 'revoked' });
    expect((await readDevice())!.sync?.refused).toBe('revoked');
    const ok = vi.fn(async (_url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init!.body)) as { submissions: { id: string }[] };
      return json(200, { results: body.submissions.map((s) => ({ id: s.id, status: 'stored' })) });
    });
    // The item waits out its backoff; the run counts from a clock past it.
    expect(await syncOutbox({ fetch: ok as unknown as typeof fetch, lock: noLock, now: () => Date.now() + DAY })).toMatchObject({ outcome: 'done', stored: 1 });
    expect((await readDevice())!.sync?.refused).toBeUndefined();
  });
});
