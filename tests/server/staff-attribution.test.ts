import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, SealedPayload } from '#contract/v1.ts';
import '#forms/index.ts';
import { testPayload } from './fixtures.ts';
import type { TestServer } from './harness.ts';
import { STAFF_PASSWORD, startTabletWorld } from './tablet-world.ts';
import { seal } from './seal.ts';

/**
 * Who assisted is what the server vouches for: the staff credential a tablet got when the staff
 * member signed in on it online, never the `assistedBy` the device sealed into the payload.
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

async function caseworker(username: string): Promise<string> {
  const made = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username, password: PASSWORD, role: 'caseworker' }) });
  expect(made.status).toBe(201);
  return server.login(username, PASSWORD);
}

const askCredential = (deviceToken: string, cookie: string) =>
  server.request('/api/v1/devices/staff-credential', { method: 'POST', headers: { Authorization: `Bearer ${deviceToken}`, Cookie: cookie } });

async function credentialFor(deviceToken: string, cookie: string): Promise<string> {
  const r = await askCredential(deviceToken, cookie);
  expect(r.status, r.text).toBe(201);
  return r.json.credential as string;
}

const assisted = (createdAt = new Date().toISOString()): SealedPayload =>
  testPayload({ type: 'device-test', schemaVersion: 1, createdAt, assisted: true, assistedBy: 'admin', data: { note: 'device-test', sentAt: createdAt } });

async function send(device: EnrollResponse, payload: SealedPayload, staffCredential?: string) {
  const envelope = { ...(await seal(payload, crypto.randomUUID(), device.serverKey)), ...(staffCredential ? { staffCredential } : {}) };
  const result = (await server.submit(device.token, { submissions: [envelope] })).json.results[0];
  return { envelope, result };
}

const listed = async (id: string) =>
  ((await server.staff(admin, '/submissions')).json.submissions as { id: string; assistedBy: string | null; assistedByDisabled: boolean }[]).find((s) => s.id === id);

describe('staff credentials', () => {
  it('names the credential\'s staff member, not the payload\'s assistedBy', async () => {
    const cookie = await caseworker('anna.staff');
    const credential = await credentialFor(tablet.token, cookie);
    const { envelope, result } = await send(tablet, assisted(), credential);
    expect(result.status).toBe('stored');
    expect(await listed(envelope.id)).toMatchObject({ assistedBy: 'anna.staff', assistedByDisabled: false });
    expect((await server.staff(admin, `/submissions/${envelope.id}`)).json).toMatchObject({ assisted: true, assistedBy: 'anna.staff' });
    // A resend with the same credential is the same envelope.
    expect((await server.submit(tablet.token, { submissions: [envelope] })).json.results[0].status).toBe('duplicate');
  });

  it('names no one for assisted work without a credential (apps from before credentials)', async () => {
    const { envelope, result } = await send(tablet, assisted());
    expect(result.status).toBe('stored');
    expect(await listed(envelope.id)).toMatchObject({ assistedBy: null });
  });

  it('refuses another tablet\'s credential, and an unknown one', async () => {
    const cookie = await caseworker('bo.staff');
    const credential = await credentialFor(tablet.token, cookie);
    expect((await send(otherTablet, assisted(), credential)).result).toMatchObject({ status: 'invalid', errors: [{ path: 'staffCredential', code: 'unknown_credential' }] });
    expect((await send(tablet, assisted(), 'x'.repeat(43))).result).toMatchObject({ status: 'invalid', errors: [{ path: 'staffCredential', code: 'unknown_credential' }] });
  });

  it('refuses work sealed outside the credential\'s lifetime', async () => {
    const cookie = await caseworker('cai.staff');
    const credential = await credentialFor(tablet.token, cookie);
    const later = new Date(Date.now() + 13 * 3_600_000).toISOString();
    expect((await send(tablet, assisted(later), credential)).result).toMatchObject({ status: 'invalid', errors: [{ path: 'staffCredential', code: 'credential_expired' }] });
  });

  it('gives no credential to a kiosk, nor without a staff sign-in', async () => {
    const cookie = await caseworker('dea.staff');
    expect((await askCredential(kiosk.token, cookie)).status).toBe(403);
    expect((await askCredential(tablet.token, '')).status).toBe(401);
    expect((await server.request('/api/v1/devices/staff-credential', { method: 'POST', headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('keeps a leaver\'s earlier work, marked, refuses what she sealed after deactivation, and audits each step', async () => {
    const cookie = await caseworker('mette.leaver');
    const credential = await credentialFor(tablet.token, cookie);
    const before = assisted(new Date(Date.now() - 60_000).toISOString());
    expect((await server.staff(admin, '/users/mette.leaver/disable', { method: 'POST' })).status).toBe(204);
    const after = assisted(new Date(Date.now() + 60_000).toISOString());

    const early = await send(tablet, before, credential);
    expect(early.result.status).toBe('stored');
    expect(await listed(early.envelope.id)).toMatchObject({ assistedBy: 'mette.leaver', assistedByDisabled: true });
    const late = await send(tablet, after, credential);
    expect(late.result).toMatchObject({ status: 'invalid', errors: [{ path: 'staffCredential', code: 'account_disabled' }] });
    expect(await listed(late.envelope.id)).toBeUndefined();

    // She cannot get a new credential: her session ended with the deactivation.
    expect((await askCredential(tablet.token, cookie)).status).toBe(401);
    const audit = (await server.staff(admin, `/audit?target=${(await deviceId('Tablet 1'))}`)).json.entries as { action: string; actor: string }[];
    expect(audit.filter((e) => e.actor === 'mette.leaver').map((e) => e.action)).toContain('issue_staff_credential');
    expect(audit.map((e) => e.action)).toContain('refuse_staff_work');
    const userAudit = (await server.staff(admin, '/audit?target=mette.leaver')).json.entries as { action: string }[];
    expect(userAudit.map((e) => e.action)).toContain('disable_user');
  });
});

async function deviceId(name: string): Promise<string> {
  const devices = (await server.staff(admin, '/devices')).json.devices as { id: string; name: string }[];
  return devices.find((d) => d.name === name)!.id;
}
