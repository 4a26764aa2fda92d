import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { testEnvelope } from './fixtures.ts';
import { ADMIN, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let device: EnrollResponse;
let admin: string;
let caseworker: string;

const CASEWORKER = { username: 'bo-audit', password: 'caseworker password 1' };

beforeAll(async () => {
  server = await startTestServer();
  device = await server.enroll('Audit kiosk');
  admin = await server.login();
  const created = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ ...CASEWORKER, role: 'caseworker' }) });
  expect(created.status).toBe(201);
  caseworker = await server.login(CASEWORKER.username, CASEWORKER.password);
});
afterAll(() => server.close());

async function storeOne() {
  const { envelope, payload } = await testEnvelope(device.serverKey);
  expect((await server.submit(device.token, { submissions: [envelope] })).json.results[0].status).toBe('stored');
  return { envelope, payload };
}

const audit = async (query: string, cookie = admin) => {
  const r = await server.staff(cookie, `/audit?${query}`);
  expect(r.status).toBe(200);
  return r.json.entries as { at: string; actor: string; action: string; target: string | null; detail: Record<string, unknown> }[];
};

describe('audit log', () => {
  it('records logins, failed logins of known users and logouts, without what was typed for unknown users', async () => {
    const cookie = await server.login(CASEWORKER.username, CASEWORKER.password);
    await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username: CASEWORKER.username, password: 'wrong password!' }) });
    await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username: 'my-secret-password', password: 'x' }) });
    await server.request('/api/v1/staff/logout', { method: 'POST', headers: { Cookie: cookie } });
    const mine = (await audit(`actor=${CASEWORKER.username}`)).map((e) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['login', 'login_failed', 'logout']));
    const all = JSON.stringify(await audit(''));
    expect(all).not.toContain('my-secret-password');
    expect(all).toContain('(unknown user)');
  });

  it('records every read and transition of a submission, who did it and when, without the answers or the note', async () => {
    const { envelope, payload } = await storeOne();
    expect((await server.staff(caseworker, `/submissions/${envelope.id}`)).status).toBe(200);
    const move = (to: string, note?: string) =>
      server.staff(caseworker, `/submissions/${envelope.id}/transition`, { method: 'POST', body: JSON.stringify({ to, note }) });
    expect((await move('in_progress')).status).toBe(200);
    expect((await move('done', 'Kortet er spærret for Anne Jensen')).status).toBe(200);

    const entries = await audit(`target=${envelope.id}`);
    expect(entries.map((e) => [e.actor, e.action]).reverse()).toEqual([
      ['bo-audit', 'read_submission'],
      ['bo-audit', 'transition'],
      ['bo-audit', 'transition'],
    ]);
    expect(entries[0]!.detail).toEqual({ from: 'in_progress', to: 'done', note: true });
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(payload.data.name as string);
    expect(text).not.toContain('Anne Jensen');
  });

  it('records a CSV export with its filter and row count', async () => {
    await storeOne();
    const r = await server.staff(admin, '/submissions.csv?status=received');
    expect(r.status).toBe(200);
    const rows = r.text.trim().split('\r\n').length - 1;
    const [latest] = (await audit(`actor=${ADMIN.username}`)).filter((e) => e.action === 'export_csv');
    expect(latest!.detail).toEqual({ filter: { status: 'received' }, count: rows });
  });

  it('records admin actions: accounts, enrolment codes, enrolments and revocations', async () => {
    await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'cw-two', password: 'another password 2', role: 'caseworker' }) });
    const made = (await server.staff(admin, '/enrolment-codes', { method: 'POST', body: JSON.stringify({ expiresInHours: 1 }) })).json as { id: string; code: string };
    const code = made.code;
    const enrolled = await server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code, name: 'Tablet 9', kind: 'tablet' }) });
    expect(enrolled.status).toBe(201);
    expect((await server.staff(admin, `/devices/${enrolled.json.deviceId}/revoke`, { method: 'POST' })).status).toBe(204);

    const byAdmin = await audit(`actor=${ADMIN.username}`);
    expect(byAdmin.find((e) => e.action === 'create_user' && e.target === 'cw-two')?.detail).toEqual({ role: 'caseworker' });
    expect(byAdmin.find((e) => e.action === 'create_enrolment_code' && e.target === made.id)?.detail).toEqual({ expiresAt: expect.any(String) });
    expect(JSON.stringify(byAdmin)).not.toContain(code);
    expect(byAdmin.find((e) => e.action === 'revoke_device')?.target).toBe(enrolled.json.deviceId);
    const device = await audit(`target=${enrolled.json.deviceId}`);
    expect(device.find((e) => e.action === 'enrol_device')?.detail).toEqual({ kind: 'tablet', via: 'admin_code', code: made.id });
  });

  it('lets a caseworker read the audit of a submission, but not the whole log or another actor', async () => {
    const { envelope } = await storeOne();
    expect((await server.staff(caseworker, `/audit?target=${envelope.id}`)).status).toBe(200);
    expect((await server.staff(caseworker, '/audit')).status).toBe(403);
    expect((await server.staff(caseworker, `/audit?actor=${ADMIN.username}`)).status).toBe(403);
    expect((await server.staff(caseworker, `/audit?target=${envelope.id}&actor=${ADMIN.username}`)).status).toBe(403);
    expect((await server.staff(caseworker, `/audit?target=${device.deviceId}`)).status).toBe(403);
  });

  it('writes an entry for every read: the detail on screen, each CSV export and each print', async () => {
    const { envelope } = await storeOne();
    const before = (await audit(`actor=${CASEWORKER.username}`)).length;
    expect((await server.staff(caseworker, `/submissions/${envelope.id}`)).status).toBe(200);
    expect((await server.staff(caseworker, `/submissions/${envelope.id}`)).status).toBe(200);
    expect((await server.staff(caseworker, `/submissions/${envelope.id}/print`, { method: 'POST' })).status).toBe(204);
    expect((await server.staff(caseworker, '/submissions.csv?status=received')).status).toBe(200);
    const mine = await audit(`actor=${CASEWORKER.username}`);
    expect(mine.length - before).toBe(4);
    expect(mine.slice(0, 4).map((e) => [e.action, e.target]).reverse()).toEqual([
      ['read_submission', envelope.id],
      ['read_submission', envelope.id],
      ['print_submission', envelope.id],
      ['export_csv', null],
    ]);
    // The list itself shows no answers, so it is not a read of any one citizen's submission.
    await server.staff(caseworker, '/submissions');
    expect(await audit(`actor=${CASEWORKER.username}`)).toHaveLength(mine.length);
  });

  it('answers 404 for printing an unknown submission, and audits nothing', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await server.staff(caseworker, `/submissions/${id}/print`, { method: 'POST' })).status).toBe(404);
    expect(await audit(`target=${id}`)).toEqual([]);
  });

  it('filters by who, what and when, alone and together', async () => {
    const { envelope } = await storeOne();
    await server.staff(caseworker, `/submissions/${envelope.id}`);
    const reads = await audit(`action=read_submission&actor=${CASEWORKER.username}`);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.action === 'read_submission' && e.actor === CASEWORKER.username)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit(`action=read_submission&from=${today}&to=${today}`)).map((e) => e.target)).toContain(envelope.id);
    expect(await audit(`action=read_submission&to=2000-01-01`)).toEqual([]);
    expect(await audit(`from=2999-01-01`)).toEqual([]);
    const since = reads[0]!.at;
    expect((await audit(`from=${encodeURIComponent(since)}&action=read_submission`)).every((e) => e.at >= since)).toBe(true);
    expect((await audit(`action=&actor=&from=&to=`)).length).toBeGreaterThan(0);
    for (const bad of ['action=drop_table', 'from=yesterday', 'to=2026-13-01']) {
      const r = await server.staff(admin, `/audit?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.json.error.code).toBe('invalid_filter');
    }
  });

  it('keeps a caseworker to one submission\'s log, filters or not', async () => {
    const { envelope } = await storeOne();
    expect((await server.staff(caseworker, `/audit?target=${envelope.id}&action=read_submission`)).status).toBe(403);
    expect((await server.staff(caseworker, `/audit?action=login`)).status).toBe(403);
  });

  it('names the submissions, devices and codes that entries point at, for people reading the log', async () => {
    const { envelope } = await storeOne();
    await server.staff(caseworker, `/submissions/${envelope.id}`);
    const code = (await server.staff(admin, '/enrolment-codes', { method: 'POST', body: JSON.stringify({ expiresInHours: 1, label: 'Hallens kiosker' }) })).json;
    const r = await server.staff(admin, '/audit?limit=50');
    expect(r.json.subjects[envelope.id]).toEqual({ kind: 'submission', label: envelope.reference });
    expect(r.json.subjects[device.deviceId]).toEqual({ kind: 'device', label: 'Audit kiosk' });
    expect(r.json.subjects[code.id]).toEqual({ kind: 'enrolment_code', label: 'Hallens kiosker' });
    expect(JSON.stringify(r.json.subjects)).not.toContain(code.code);
  });

  it('offers no way to change or delete an entry over HTTP', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      expect((await server.staff(admin, '/audit', { method })).status).toBe(404);
    }
  });
});
