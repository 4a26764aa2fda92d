import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearOutboxDb, makeServerKeys, storeDevice, testDevice, type TestServerKeys } from '#outbox/outbox.fixtures.ts';
import { closeStaffDb, staffDb } from './db.ts';
import { pendingDeviceEvents, sendDeviceEvents } from './device-events.ts';
import { MAX_WRONG_PINS } from './pin.ts';
import { TEST_ITERATIONS } from './vault.fixtures.ts';
import { createProfile, unlock } from './vault.ts';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const options = { iterations: TEST_ITERATIONS, now: () => T0 };
let keys: TestServerKeys;

beforeAll(async () => {
  keys = await makeServerKeys();
});
beforeEach(() => storeDevice(testDevice(keys.serverKey, { kind: 'tablet' })));
afterEach(async () => {
  await staffDb().delete();
  closeStaffDb();
  await clearOutboxDb();
});

/** A server that answers each request with the next status (or throws for 'offline'), and records what it got. */
function server(...answers: (number | 'offline')[]) {
  const got: { url: string; auth: string | null; body: unknown }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = answers.shift() ?? 204;
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    got.push({ url: String(input), auth: new Headers(init?.headers).get('authorization'), body: JSON.parse(String(init?.body)) });
    return new Response(null, { status: answer });
  }) as typeof globalThis.fetch;
  return { fetch, got };
}

async function wipe(username: string): Promise<void> {
  await createProfile({ username, role: 'caseworker' }, '482916', options);
  for (let i = 0; i < MAX_WRONG_PINS; i++) await unlock(username, '739261', options);
}

describe('a PIN wipe reported to the server', () => {
  it('is recorded with the wipe, and sent with the device token when the tablet is online', async () => {
    await wipe('anna');
    expect(await pendingDeviceEvents()).toBe(1);
    const s = server(204);
    expect(await sendDeviceEvents(s.fetch)).toBe(1);
    expect(s.got).toEqual([{ url: 'https://sync.example/api/v1/devices/events', auth: 'Bearer token-1', body: { kind: 'pin_wipe', at: T0.toISOString(), username: 'anna' } }]);
    expect(await pendingDeviceEvents()).toBe(0);
  });

  it('is kept while offline, revoked or the server fails, and goes once taken', async () => {
    await wipe('anna');
    for (const answer of ['offline', 401, 503] as const) {
      expect(await sendDeviceEvents(server(answer).fetch)).toBe(0);
      expect(await pendingDeviceEvents()).toBe(1);
    }
    expect(await sendDeviceEvents(server(204).fetch)).toBe(1);
    expect(await pendingDeviceEvents()).toBe(0);
  });

  it('is dropped when the server refuses it for good, so one bad event does not block the rest', async () => {
    await wipe('anna');
    await wipe('bo');
    const s = server(400, 204);
    expect(await sendDeviceEvents(s.fetch)).toBe(1);
    expect(s.got.map((g) => (g.body as { username: string }).username)).toEqual(['anna', 'bo']);
    expect(await pendingDeviceEvents()).toBe(0);
  });

  it('is not recorded for wrong PINs below the limit', async () => {
    await createProfile({ username: 'anna', role: 'caseworker' }, '482916', options);
    await unlock('anna', '739261', options);
    expect(await pendingDeviceEvents()).toBe(0);
  });
});
