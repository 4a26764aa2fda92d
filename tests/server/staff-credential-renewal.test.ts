import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, SealedPayload } from '#contract/v1.ts';
import '#forms/index.ts';
import { testPayload } from './fixtures.ts';
import type { TestServer } from './harness.ts';
import { STAFF_PASSWORD, startTabletWorld } from './tablet-world.ts';
import { seal } from './seal.ts';

/**
 * A tablet online renews its staff member's credential at an unlock, without a new sign-in, with
 * the renewal secret it keeps under that person's PIN. Tried as a thief would: a copy of the
 * tablet's storage holds the device token and the credential, never the secret.
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

interface Issued { credential: string; renewalSecret: string; username: string; expiresAt: string }

async function signInOn(deviceToken: string, username: string): Promise<Issued> {
  expect((await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username, password: PASSWORD, role: 'caseworker' }) })).status).toBe(201);
  const cookie = await server.login(username, PASSWORD);
  const r = await server.request('/api/v1/devices/staff-credential', { method: 'POST', headers: { Authorization: `Bearer ${deviceToken}`, Cookie: cookie } });
  expect(r.status, r.text).toBe(201);
  return r.json as Issued;
}

const renew = (deviceToken: string, body: unknown) =>
  server.request('/api/v1/devices/staff-credential/renew', { method: 'POST', headers: { Authorization: `Bearer ${deviceToken}` }, body: JSON.stringify(body) });

const audited = async (action: string) => (await server.staff(admin, `/audit?action=${action}`)).json.entries as { actor: string; target: string; detail: Record<string, unknown> }[];

async function sendAssisted(credential: string) {
  const createdAt = new Date().toISOString();
  const payload: SealedPayload = testPayload({ type: 'device-test', schemaVersion: 1, createdAt, assisted: true, assistedBy: 'someone else', data: { note: 'device-test', sentAt: createdAt } });
  const envelope = { ...(await seal(payload, crypto.randomUUID(), tablet.serverKey)), staffCredential: credential };
  const result = (await server.submit(tablet.token, { submissions: [envelope] })).json.results[0];
  const listed = ((await server.staff(admin, '/submissions')).json.submissions as { id: string; assistedBy: string | null }[]).find((s) => s.id === envelope.id);
  return { status: result.status as string, assistedBy: listed?.assistedBy };
}

describe('renewing a staff credential', () => {
  it('gives a new credential and a new secret that names the same person, audited; the old one still vouches', async () => {
    const first = await signInOn(tablet.token, 'rikke.renew');
    const r = await renew(tablet.token, { credential: first.credential, renewalSecret: first.renewalSecret });
    expect(r.status, r.text).toBe(201);
    const next = r.json as Issued;
    expect(next.username).toBe('rikke.renew');
    expect(next.credential).not.toBe(first.credential);
    expect(next.renewalSecret).not.toBe(first.renewalSecret);
    expect(Date.parse(next.expiresAt)).toBeGreaterThanOrEqual(Date.parse(first.expiresAt));
    expect(await sendAssisted(next.credential)).toEqual({ status: 'stored', assistedBy: 'rikke.renew' });
    expect(await sendAssisted(first.credential)).toEqual({ status: 'stored', assistedBy: 'rikke.renew' });
    expect(await audited('renew_staff_credential')).toContainEqual(expect.objectContaining({ actor: 'rikke.renew', target: tablet.deviceId }));
    // The new secret renews the new credential: the chain goes on.
    const third = await renew(tablet.token, { credential: next.credential, renewalSecret: next.renewalSecret });
    expect(third.status, third.text).toBe(201);
  });

  it('refuses what a copy of the storage holds: the credential without its secret, or with another one', async () => {
    const held = await signInOn(tablet.token, 'tobias.copy');
    const other = await signInOn(tablet.token, 'ulla.copy');
    for (const renewalSecret of ['A'.repeat(43), other.renewalSecret]) {
      const r = await renew(tablet.token, { credential: held.credential, renewalSecret });
      expect(r.status, r.text).toBe(403);
      expect(r.json.error.code).toBe('renewal_refused');
    }
    expect(await audited('refuse_staff_credential_renewal')).toContainEqual(expect.objectContaining({ actor: `device:${tablet.deviceId}`, target: 'tobias.copy', detail: expect.objectContaining({ reason: 'renewal_refused' }) }));
    // The refusals used nothing up: the right secret still renews.
    expect((await renew(tablet.token, { credential: held.credential, renewalSecret: held.renewalSecret })).status).toBe(201);
  });

  it('answers a retry of a renewal whose answer was lost, and both new credentials name the person', async () => {
    const held = await signInOn(tablet.token, 'vera.retry');
    const once = await renew(tablet.token, { credential: held.credential, renewalSecret: held.renewalSecret });
    const again = await renew(tablet.token, { credential: held.credential, renewalSecret: held.renewalSecret });
    expect([once.status, again.status]).toEqual([201, 201]);
    expect(again.json.credential).not.toBe(once.json.credential);
    expect(await sendAssisted(again.json.credential)).toEqual({ status: 'stored', assistedBy: 'vera.retry' });
  });

  it('tells another tablet nothing about this one\'s credential, and refuses a kiosk and a revoked tablet', async () => {
    const held = await signInOn(tablet.token, 'walter.thief');
    const body = { credential: held.credential, renewalSecret: held.renewalSecret };
    const elsewhere = await renew(otherTablet.token, body);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.json.error.code).toBe('unknown_credential');
    expect(elsewhere.text).not.toContain('walter');
    const fromKiosk = await renew(kiosk.token, body);
    expect(fromKiosk.status).toBe(403);
    expect(fromKiosk.json.error.code).toBe('not_a_tablet');
    expect((await renew('not-a-device-token', body)).status).toBe(401);

    const lost = await server.enroll('Tablet lost', 'tablet');
    const onLost = await signInOn(lost.token, 'xenia.lost');
    expect((await server.staff(admin, `/devices/${lost.deviceId}/revoke`, { method: 'POST' })).status).toBeLessThan(300);
    expect((await renew(lost.token, { credential: onLost.credential, renewalSecret: onLost.renewalSecret })).status).toBe(401);
  });

  it('refuses a deactivated account, audited as a refused unlock', async () => {
    const held = await signInOn(tablet.token, 'yrsa.leaver');
    expect((await server.staff(admin, '/users/yrsa.leaver/disable', { method: 'POST' })).status).toBeLessThan(300);
    const r = await renew(tablet.token, { credential: held.credential, renewalSecret: held.renewalSecret });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('account_disabled');
    // Audited as the refused unlock it is, like the staff check's.
    expect(await audited('refuse_staff_unlock')).toContainEqual(expect.objectContaining({ actor: `device:${tablet.deviceId}`, target: 'yrsa.leaver' }));
  });

  it('says in a code what is wrong with a body that is not a renewal', async () => {
    for (const body of [{}, { credential: 'short', renewalSecret: 'short' }, { credential: 'A'.repeat(43) }, 'not json']) {
      const r = await renew(tablet.token, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(typeof r.json.error.code).toBe('string');
    }
  });
});
