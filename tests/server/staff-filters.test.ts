import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '../../src/contract/v1.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let kiosk: EnrollResponse;
let tablet: EnrollResponse;
let admin: string;
const ids: Record<string, string> = {};

/** Stores one submission from `device` created at `createdAt`; createdAt is the device's clock, as on a real kiosk. */
async function storeAt(device: EnrollResponse, createdAt: string): Promise<string> {
  const { envelope } = await testEnvelope(device.serverKey, { createdAt });
  expect((await server.submit(device.token, { submissions: [envelope] })).json.results[0].status).toBe('stored');
  return envelope.id;
}

beforeAll(async () => {
  server = await startTestServer();
  kiosk = await server.enroll('Kiosk A');
  tablet = await server.enroll('Tablet B');
  admin = await server.login();
  ids.jan = await storeAt(kiosk, '2026-01-15T10:00:00.000Z');
  ids.febLate = await storeAt(tablet, '2026-02-28T23:30:00.000Z');
  ids.mar = await storeAt(kiosk, '2026-03-01T08:00:00.000Z');
});
afterAll(() => server.close());

const listed = async (query: string) => {
  const r = await server.staff(admin, `/submissions?${query}`);
  expect(r.status, r.text).toBe(200);
  return (r.json.submissions as { id: string }[]).map((s) => s.id).sort();
};

describe('list filters', () => {
  it('filters by creation date: from inclusive, a to date including its whole day', async () => {
    expect(await listed('from=2026-02-01&to=2026-02-28')).toEqual([ids.febLate]);
    expect(await listed('from=2026-02-01')).toEqual([ids.febLate, ids.mar].sort());
    expect(await listed('to=2026-01-15')).toEqual([ids.jan]);
  });

  it('takes exact timestamps too (local midnights from the back office), to exclusive', async () => {
    expect(await listed(`from=${encodeURIComponent('2026-03-01T00:00:00+01:00')}&to=${encodeURIComponent('2026-03-02T00:00:00+01:00')}`)).toEqual([ids.febLate, ids.mar].sort());
  });

  it('filters by device, and combines filters', async () => {
    expect(await listed(`deviceId=${tablet.deviceId}`)).toEqual([ids.febLate]);
    expect(await listed(`deviceId=${kiosk.deviceId}&from=2026-02-01`)).toEqual([ids.mar]);
    expect(await listed(`deviceId=&from=&to=&type=&status=`)).toHaveLength(3);
  });

  it('exports the same filtered list as CSV', async () => {
    const r = await server.staff(admin, `/submissions.csv?deviceId=${kiosk.deviceId}`);
    expect(r.text.trim().split('\r\n')).toHaveLength(3);
  });

  it.each(['from=yesterday', 'to=2026-13-45', 'deviceId=1%3Bdrop', 'from=2026-02-30T25:00:00Z'])('answers 400 for %s', async (query) => {
    const r = await server.staff(admin, `/submissions?${query}`);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_filter');
  });
});
