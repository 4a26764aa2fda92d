import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import type { TestServer } from './harness.ts';
import { STAFF_PASSWORD, startTabletWorld } from './tablet-world.ts';

/**
 * The online unlock of a tablet asks whether the staff member whose credential it holds may still
 * work: a leaver's tablet learns at its next contact. Only the tablet that holds a credential gets
 * an answer about it.
 */

let server: TestServer;
let tablet: EnrollResponse;
let otherTablet: EnrollResponse;
let kiosk: EnrollResponse;
let admin: string;
const PASSWORD = STAFF_PASSWORD;

beforeAll(async () => {
  ({ server, tablet, otherTablet, kiosk, admin } = await startTabletWorld());
});
afterAll(() => server.close());

async function credentialOf(username: string): Promise<string> {
  expect((await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username, password: PASSWORD, role: 'caseworker' }) })).status).toBe(201);
  const cookie = await server.login(username, PASSWORD);
  const r = await server.request('/api/v1/devices/staff-credential', { method: 'POST', headers: { Authorization: `Bearer ${tablet.token}`, Cookie: cookie } });
  expect(r.status, r.text).toBe(201);
  return r.json.credential as string;
}

const check = (deviceToken: string, body: unknown) =>
  server.request('/api/v1/devices/staff-check', { method: 'POST', headers: { Authorization: `Bearer ${deviceToken}` }, body: JSON.stringify(body) });

describe('the staff check at an online unlock', () => {
  it('answers active, then account_disabled once an admin deactivated the account, and audits the refusal', async () => {
    const credential = await credentialOf('mette.check');
    const before = await check(tablet.token, { credential });
    expect(before.status).toBe(200);
    expect(before.json).toEqual({ username: 'mette.check', active: true });
    expect((await server.staff(admin, '/users/mette.check/disable', { method: 'POST' })).status).toBeLessThan(300);
    const after = await check(tablet.token, { credential });
    expect(after.status).toBe(403);
    expect(after.json.error.code).toBe('account_disabled');
    const audit = (await server.staff(admin, '/audit?action=refuse_staff_unlock')).json.entries as { actor: string; target: string }[];
    expect(audit).toContainEqual(expect.objectContaining({ actor: `device:${tablet.deviceId}`, target: 'mette.check' }));
  });

  it('tells another tablet nothing about a credential it does not hold, and a kiosk nothing at all', async () => {
    const credential = await credentialOf('bo.check');
    const other = await check(otherTablet.token, { credential });
    expect(other.status).toBe(404);
    expect(other.text).not.toContain('bo.check');
    expect((await check(kiosk.token, { credential })).status).toBe(403);
    expect((await check(tablet.token, { credential: 'x'.repeat(43) })).status).toBe(404);
  });

  it('refuses a malformed body (400) and a missing device token (401)', async () => {
    expect((await check(tablet.token, { credential: 'short' })).status).toBe(400);
    expect((await check(tablet.token, 'not json')).status).toBe(400);
    const anonymous = await server.request('/api/v1/devices/staff-check', { method: 'POST', body: JSON.stringify({ credential: 'x'.repeat(43) }) });
    expect(anonymous.status).toBe(401);
  });
});
