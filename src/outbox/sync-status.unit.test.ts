import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '#contract/v1.ts';
import { outboxDb } from './db.ts';
import { readDevice, readSyncStatus } from './device.ts';
import { memoryLock } from './lock.ts';
import { DEVICE_KEY } from './records.ts';
import { submit } from './submit.ts';
import { syncOutbox } from './sync.ts';
import { TEST_TYPE, clearOutboxDb, makeServerKeys, registerTestRequestType, storeDevice, testDevice, type TestServerKeys } from './outbox.fixtures.ts';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');
let keys: TestServerKeys;

beforeAll(async () => {
  registerTestRequestType();
  keys = await makeServerKeys();
});
beforeEach(() => storeDevice(testDevice(keys.serverKey)));
afterEach(clearOutboxDb);

const storing: typeof fetch = async (_input, init) => {
  const { submissions } = JSON.parse(String(init?.body)) as { submissions: Envelope[] };
  return Response.json({ results: submissions.map((e) => ({ id: e.id, reference: e.reference, status: 'stored' })) });
};
const offline: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};
const run = (fetch: typeof globalThis.fetch, at: number) => syncOutbox({ fetch, now: () => at, lock: memoryLock(), random: () => 0.5 });
const iso = (ms: number) => new Date(ms).toISOString();

describe('readSyncStatus', () => {
  it('is empty before the first run', async () => {
    expect(await readSyncStatus()).toEqual({});
  });

  it('notes when the server last took items, and keeps it through later failed runs', async () => {
    await submit({ type: TEST_TYPE, data: { note: 'a' } }, { now: () => new Date(T0) });
    await run(storing, T0 + 10);
    expect(await readSyncStatus()).toEqual({ lastSyncAt: iso(T0 + 10), lastRunAt: iso(T0 + 10), lastOutcome: 'done' });

    await submit({ type: TEST_TYPE, data: { note: 'b' } }, { now: () => new Date(T0 + 20) });
    await run(offline, T0 + 30);
    expect(await readSyncStatus()).toEqual({ lastSyncAt: iso(T0 + 10), lastRunAt: iso(T0 + 30), lastOutcome: 'network-error' });
  });

  it('does not call a run that sent nothing a sync', async () => {
    await run(storing, T0 + 40);
    expect(await readSyncStatus()).toEqual({ lastRunAt: iso(T0 + 40), lastOutcome: 'done' });
  });

  it('keeps the enrolment it is written beside', async () => {
    const before = await readDevice();
    await run(storing, T0 + 50);
    const { sync: _sync, ...after } = (await readDevice())!;
    expect(after).toEqual(before);
    expect(await outboxDb().device.count()).toBe(1);
    expect(await outboxDb().device.get(DEVICE_KEY)).toBeDefined();
  });
});
