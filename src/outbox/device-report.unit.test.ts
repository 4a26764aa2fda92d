import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deviceReportSchema, type DeviceReport } from '#contract/device-report.ts';
import { memoryLock } from './lock.ts';
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

/** A server that answers the submissions with `status` and records every device report. */
function server(status: number) {
  const reports: { url: string; auth: string | null; body: DeviceReport }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    if (String(input).endsWith('/api/v1/devices/report')) {
      reports.push({ url: String(input), auth: new Headers(init?.headers).get('authorization'), body: JSON.parse(String(init?.body)) as DeviceReport });
      return new Response(null, { status: 204 });
    }
    if (status !== 200) return Response.json({ error: { code: 'x', message: 'x' } }, { status });
    const { submissions } = JSON.parse(String(init?.body)) as { submissions: { id: string; reference: string }[] };
    return Response.json({ results: submissions.map((e) => ({ id: e.id, reference: e.reference, status: 'stored' })) });
  };
  return { fetch, reports };
}

const sync = (fetch: typeof globalThis.fetch, now = T0) => syncOutbox({ fetch, now: () => now, lock: memoryLock(), random: () => 0.5, report: true });

describe('the device report after a sync run', () => {
  it('is sent even with nothing queued, with the device token, valid by the contract', async () => {
    const s = server(200);
    await sync(s.fetch);
    expect(s.reports).toHaveLength(1);
    expect(s.reports[0]!.url).toBe('https://sync.example/api/v1/devices/report');
    expect(s.reports[0]!.auth).toBe('Bearer token-1');
    expect(v.safeParse(deviceReportSchema, s.reports[0]!.body).success).toBe(true);
    expect(s.reports[0]!.body).toMatchObject({ queued: 0, oldestQueuedAgeSeconds: null, rejected: 0, lastError: 'none' });
  });

  it('tells the backlog and its age when the server is down, and no citizen data', async () => {
    await submit({ type: TEST_TYPE, data: { note: 'Mit nøglekort er bortkommet' } }, { now: () => new Date(T0) });
    await submit({ type: TEST_TYPE, data: { note: 'second' } }, { now: () => new Date(T0 + 60_000) });
    const s = server(503);
    await sync(s.fetch, T0 + 3_600_000);
    const report = s.reports[0]!.body;
    expect(report).toMatchObject({ queued: 2, oldestQueuedAgeSeconds: 3600, rejected: 0, lastError: 'server' });
    expect(JSON.stringify(report)).not.toMatch(/nøglekort|second|test-note|[A-Z0-9]{4}-[A-Z0-9]{4}/);
  });

  it('is not sent by a sync without report: true', async () => {
    const s = server(200);
    await syncOutbox({ fetch: s.fetch, now: () => T0, lock: memoryLock() });
    expect(s.reports).toHaveLength(0);
  });
});
