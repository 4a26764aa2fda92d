import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import * as v from 'valibot';
import { registerRequestType, requestType } from '#forms/registry.ts';
import { TEST_TYPE, testEnvelope } from './fixtures.ts';

/** A second type, so that type combines with the other filters. */
const OTHER_TYPE = 'test-other-note';
if (!requestType(OTHER_TYPE)) {
  registerRequestType({ type: OTHER_TYPE, current: 1, versions: { 1: v.object({ name: v.string(), message: v.string() }) } });
}
import { ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let kiosk: EnrollResponse;
let tablet: EnrollResponse;
let admin: string;
const ids: Record<string, string> = {};

/** Stores one submission from `device` created at `createdAt`; createdAt is the device's clock, as on a real kiosk. */
async function storeAt(device: EnrollResponse, createdAt: string, type = TEST_TYPE): Promise<string> {
  const { envelope } = await testEnvelope(device.serverKey, { createdAt, type });
  expect((await server.submit(device.token, { submissions: [envelope] })).json.results[0].status).toBe('stored');
  return envelope.id;
}

beforeAll(async () => {
  server = await startTestServer();
  kiosk = await server.enroll('Kiosk A');
  // The harness enrols kiosks; a tablet says so itself.
  const enrolled = await server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code: ENROLLMENT_CODE, name: 'Tablet B', kind: 'tablet' }) });
  tablet = enrolled.json as EnrollResponse;
  admin = await server.login();
  ids.jan = await storeAt(kiosk, '2026-01-15T10:00:00.000Z');
  ids.febLate = await storeAt(tablet, '2026-02-28T23:30:00.000Z');
  ids.mar = await storeAt(kiosk, '2026-03-01T08:00:00.000Z');
  ids.tabletMar = await storeAt(tablet, '2026-03-10T12:00:00.000Z', OTHER_TYPE);
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
    expect(await listed('from=2026-02-01')).toEqual([ids.febLate, ids.mar, ids.tabletMar].sort());
    expect(await listed('to=2026-01-15')).toEqual([ids.jan]);
  });

  it('takes exact timestamps too (local midnights from the back office), to exclusive', async () => {
    expect(await listed(`from=${encodeURIComponent('2026-03-01T00:00:00+01:00')}&to=${encodeURIComponent('2026-03-02T00:00:00+01:00')}`)).toEqual([ids.febLate, ids.mar].sort());
  });

  it('filters by device, and combines filters', async () => {
    expect(await listed(`deviceId=${tablet.deviceId}`)).toEqual([ids.febLate, ids.tabletMar].sort());
    expect(await listed(`deviceId=${kiosk.deviceId}&from=2026-02-01`)).toEqual([ids.mar]);
    expect(await listed(`deviceId=&from=&to=&type=&status=&deviceKind=`)).toHaveLength(4);
  });

  it('filters by the kind of device, alone and with device, type, status and dates', async () => {
    expect(await listed('deviceKind=tablet')).toEqual([ids.febLate, ids.tabletMar].sort());
    expect(await listed('deviceKind=kiosk')).toEqual([ids.jan, ids.mar].sort());
    expect(await listed(`deviceKind=tablet&type=${OTHER_TYPE}`)).toEqual([ids.tabletMar]);
    expect(await listed(`deviceKind=tablet&from=2026-03-01&to=2026-03-31`)).toEqual([ids.tabletMar]);
    expect(await listed(`deviceKind=kiosk&deviceId=${tablet.deviceId}`)).toEqual([]);
    expect(await listed(`deviceKind=kiosk&status=received&type=${TEST_TYPE}&to=2026-02-28`)).toEqual([ids.jan]);
    expect(await listed(`deviceKind=kiosk&status=done`)).toEqual([]);
  });

  it('answers each row with its device\'s name and kind', async () => {
    const r = await server.staff(admin, `/submissions?deviceId=${tablet.deviceId}`);
    expect(r.json.submissions.map((s: { deviceName: string; deviceKind: string }) => [s.deviceName, s.deviceKind])).toEqual([
      ['Tablet B', 'tablet'],
      ['Tablet B', 'tablet'],
    ]);
  });

  it('exports exactly the filtered list as CSV, for every combination the list takes', async () => {
    const queries = [
      `deviceId=${kiosk.deviceId}`,
      'deviceKind=tablet',
      `deviceKind=tablet&type=${OTHER_TYPE}`,
      'from=2026-02-01&to=2026-02-28',
      `deviceId=${kiosk.deviceId}&from=2026-02-01&status=received`,
      `from=${encodeURIComponent('2026-03-01T00:00:00+01:00')}`,
    ];
    for (const query of queries) {
      const r = await server.staff(admin, `/submissions.csv?${query}`);
      expect(r.status, query).toBe(200);
      const csvIds = r.text.trim().split('\r\n').slice(1).map((line) => line.split(';')[0]).sort();
      expect(csvIds, query).toEqual(await listed(query));
    }
  });

  it('gives every staff member the devices\' names and kinds for the filter, and nothing more', async () => {
    await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'cw-filter', password: 'caseworker password', role: 'caseworker' }) });
    const caseworker = await server.login('cw-filter', 'caseworker password');
    const r = await server.staff(caseworker, '/device-names');
    expect(r.status).toBe(200);
    expect(r.json.devices).toEqual(expect.arrayContaining([
      { id: kiosk.deviceId, name: 'Kiosk A', kind: 'kiosk', revoked: false },
      { id: tablet.deviceId, name: 'Tablet B', kind: 'tablet', revoked: false },
    ]));
    expect((await server.request('/api/v1/staff/device-names', { headers: { Authorization: `Bearer ${kiosk.token}` } })).status).toBe(401);
  });

  it.each(['from=yesterday', 'to=2026-13-45', 'deviceId=1%3Bdrop', 'from=2026-02-30T25:00:00Z', 'deviceKind=phone'])('answers 400 for %s', async (query) => {
    const r = await server.staff(admin, `/submissions?${query}`);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_filter');
  });
});
