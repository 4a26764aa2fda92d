import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { TEST_TYPE, testEnvelope } from './fixtures.ts';
import { ADMIN, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let device: EnrollResponse;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  device = await server.enroll('=HYPERLINK("http://evil.example","Klik")');
  admin = await server.login();
});
afterAll(() => server.close());

const login = (username: string, password: string) =>
  server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username, password }) });

async function storeOne() {
  const { envelope, payload } = await testEnvelope(device.serverKey);
  const r = await server.submit(device.token, { submissions: [envelope] });
  expect(r.json.results[0].status).toBe('stored');
  return { envelope, payload };
}

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict, Secure __Host- session cookie for the whole site', async () => {
    const r = await fetch(`${server.url}/api/v1/staff/login`, { method: 'POST', headers: { Origin: server.url, 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ username: 'admin', role: 'admin', expiresAt: expect.any(String) });
    const cookie = r.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^__Host-staff_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Max-Age=28800');
    // Secure by default, over plain http too: browsers keep it for localhost, and production is https.
    expect(cookie).toContain('Secure');
    expect(cookie).not.toContain('Domain');
  });

  it('accepts the username in any case', async () => {
    expect((await login('ADMIN', ADMIN.password)).status).toBe(200);
  });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const wrong = await login('admin', 'not the password');
    const unknown = await login('nobody', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers 400 for a malformed login body', async () => {
    expect((await server.request('/api/v1/staff/login', { method: 'POST', body: '{"username":1}' })).status).toBe(400);
    expect((await server.request('/api/v1/staff/login', { method: 'POST', body: 'nope' })).status).toBe(400);
  });
});

describe('authentication boundaries', () => {
  it.each(['/submissions', '/submissions.csv', `/submissions/${randomUUID()}`])('GET %s needs a session', async (path) => {
    expect((await server.request(`/api/v1/staff${path}`)).status).toBe(401);
  });

  it('does not accept a device token on staff endpoints', async () => {
    const r = await server.request('/api/v1/staff/submissions', { headers: { Authorization: `Bearer ${device.token}` } });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('not_logged_in');
  });

  it('does not accept a forged cookie', async () => {
    expect((await server.staff('__Host-staff_session=' + 'A'.repeat(43), '/submissions')).status).toBe(401);
  });

  it('ends the session at logout: the cookie is cleared and no longer works', async () => {
    const cookie = await server.login();
    expect((await server.staff(cookie, '/submissions')).status).toBe(200);
    const r = await fetch(`${server.url}/api/v1/staff/logout`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url } });
    expect(r.status).toBe(204);
    expect(r.headers.getSetCookie()[0]).toMatch(/^__Host-staff_session=;.*Max-Age=0/);
    expect((await server.staff(cookie, '/submissions')).status).toBe(401);
  });
});

describe('submissions for staff', () => {
  it('lists with total, newest first, and filters by status and type', async () => {
    const a = await storeOne();
    const b = await storeOne();
    const all = await server.staff(admin, '/submissions');
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(all.json.submissions.length);
    expect(all.json.submissions[0]).toEqual({
      id: b.envelope.id,
      reference: b.envelope.reference,
      type: TEST_TYPE,
      status: 'received',
      createdAt: b.envelope.createdAt,
      deviceId: device.deviceId,
      deviceName: '=HYPERLINK("http://evil.example","Klik")',
      deviceKind: 'kiosk',
      receivedAt: expect.any(String),
      assisted: false,
      assistedBy: null,
      assistedByDisabled: false,
      deletesAt: expect.any(String),
      assignee: null,
      dueAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    await server.staff(admin, `/submissions/${a.envelope.id}/transition`, { method: 'POST', body: JSON.stringify({ to: 'in_progress' }) });
    const inProgress = await server.staff(admin, '/submissions?status=in_progress&type=');
    expect(inProgress.json.submissions.map((s: { id: string }) => s.id)).toEqual([a.envelope.id]);
    expect(inProgress.json.total).toBe(1);
    expect((await server.staff(admin, `/submissions?type=${TEST_TYPE}&status=`)).json.total).toBe(all.json.total);
    expect((await server.staff(admin, '/submissions?type=other-form')).json).toEqual({ submissions: [], total: 0 });
    const page = await server.staff(admin, '/submissions?limit=1&offset=1');
    expect(page.json.submissions).toHaveLength(1);
    expect(page.json.total).toBe(all.json.total);
  });

  it('answers 400 for an unknown status filter', async () => {
    const r = await server.staff(admin, '/submissions?status=<script>');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_filter');
  });

  it('reads a submission decrypted, with its history', async () => {
    const { envelope, payload } = await storeOne();
    const r = await server.staff(admin, `/submissions/${envelope.id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json.payload).toEqual(payload);
    expect(r.json.allowedTransitions).toEqual(['in_progress', 'rejected']);
    expect(r.json.history).toHaveLength(1);
    expect(r.json).not.toHaveProperty('envelope');
  });

  it('answers 404 for unknown ids', async () => {
    expect((await server.staff(admin, `/submissions/${randomUUID()}`)).status).toBe(404);
    expect((await server.staff(admin, '/submissions/not-a-uuid')).status).toBe(404);
    const t = await server.staff(admin, `/submissions/${randomUUID()}/transition`, { method: 'POST', body: JSON.stringify({ to: 'done' }) });
    expect(t.status).toBe(404);
    expect(t.json.error.code).toBe('not_found');
  });
});

describe('transitions', () => {
  const move = (id: string, to: string, note?: string) =>
    server.staff(admin, `/submissions/${id}/transition`, { method: 'POST', body: JSON.stringify({ to, note }) });

  it('goes received → in_progress → done and records who and why', async () => {
    const { envelope } = await storeOne();
    const first = await move(envelope.id, 'in_progress', 'Taget af Anne');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ id: envelope.id, status: 'in_progress', allowedTransitions: ['done', 'rejected'] });
    const done = await move(envelope.id, 'done');
    expect(done.json.status).toBe('done');
    expect(done.json.history.map((h: { to: string }) => h.to)).toEqual(['received', 'in_progress', 'done']);
    expect(done.json.history[1]).toMatchObject({ from: 'received', to: 'in_progress', note: 'Taget af Anne', actor: 'admin' });
  });

  it('allows received → rejected and in_progress → rejected', async () => {
    const a = await storeOne();
    expect((await move(a.envelope.id, 'rejected', 'Test')).json.status).toBe('rejected');
    const b = await storeOne();
    await move(b.envelope.id, 'in_progress');
    expect((await move(b.envelope.id, 'rejected', 'Dublet')).json.status).toBe('rejected');
  });

  it.each([
    ['received', 'done', []],
    ['done', 'rejected', ['in_progress', 'done']],
    ['rejected', 'done', ['in_progress', 'rejected']],
    ['in_progress', 'in_progress', ['in_progress']],
  ])('refuses %s → %s with 409', async (_from, to, path) => {
    const { envelope } = await storeOne();
    for (const step of path) expect((await move(envelope.id, step, 'Notat')).status).toBe(200);
    const r = await move(envelope.id, to, 'Notat');
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('transition_not_allowed');
  });

  it('answers 400 for a target that is not a status', async () => {
    const { envelope } = await storeOne();
    expect((await move(envelope.id, 'received')).status).toBe(400);
    expect((await move(envelope.id, 'archived')).status).toBe(400);
  });
});

describe('CSV export', () => {
  it('exports the filtered list as CSV for Danish Excel with formulas defused', async () => {
    await storeOne();
    const r = await server.staff(admin, '/submissions.csv?status=received');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="submissions.csv"');
    const lines = r.text.split('\r\n');
    expect(lines[0]).toBe('Id;Reference;Type;Blanketversion;Status;Oprettet på enheden;Modtaget;Enheds-id;Enhed;Enhedstype;Udfyldt af en medarbejder;Medarbejder');
    expect(lines.at(-1)).toBe('');
    const listed = (await server.staff(admin, '/submissions?status=received')).json.total;
    expect(lines.length - 2).toBe(listed);
    expect(lines[1]).toMatch(/;Modtaget;/);
    // The device name starts with "=": a spreadsheet must see text, not a formula.
    expect(lines[1]!.endsWith(`;"'=HYPERLINK(""http://evil.example"",""Klik"")";Kiosk;Nej;`)).toBe(true);
  });
});

describe('roles', () => {
  it('lets an admin create a caseworker, who can work submissions but not administer', async () => {
    const created = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'Bo', password: 'a long caseworker password', role: 'caseworker' }) });
    expect(created.status).toBe(201);
    const again = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'bo', password: 'another long password', role: 'admin' }) });
    expect(again.status).toBe(409);
    const short = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'cy', password: 'short', role: 'caseworker' }) });
    expect(short.status).toBe(400);

    const bo = await server.login('bo', 'a long caseworker password');
    expect((await server.staff(bo, '/submissions')).status).toBe(200);
    expect((await server.staff(bo, '/devices')).status).toBe(403);
    expect((await server.staff(bo, '/users', { method: 'POST', body: JSON.stringify({ username: 'x1', password: 'a long enough password', role: 'admin' }) })).status).toBe(403);
  });

  it('lets an admin revoke a device, whose token then stops working', async () => {
    const lost = await server.enroll('Tablet 7');
    const { envelope } = await testEnvelope(lost.serverKey);
    expect((await server.submit(lost.token, { submissions: [envelope] })).status).toBe(200);
    const devices = await server.staff(admin, '/devices');
    expect(devices.json.devices.map((d: { id: string }) => d.id)).toContain(lost.deviceId);
    expect((await server.staff(admin, `/devices/${lost.deviceId}/revoke`, { method: 'POST' })).status).toBe(204);
    const r = await server.submit(lost.token, { submissions: [envelope] });
    expect(r.status).toBe(401);
    expect((await server.staff(admin, `/devices/${lost.deviceId}/revoke`, { method: 'POST' })).status).toBe(404);
  });
});
