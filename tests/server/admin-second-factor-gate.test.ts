import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { totpCode } from '#server/auth/totp.ts';
import { ADMIN, startTestServer, type TestServer } from './harness.ts';

// Every sign-in costs an argon2 hash; on a loaded machine a test of several takes its time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** The clocks the server checks codes and sessions against: moved on instead of waiting. */
let offsetMs = 0;
const now = () => Date.now() + offsetMs;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ adminSecondFactor: 'required', totpClock: now, sessionClock: now, staffIdleMinutes: 15, staffSessionHours: 8 });
}, 60_000);
afterAll(() => server.close());

const post = (cookie: string, path: string, body?: unknown) => server.staff(cookie, path, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('a local admin without a second factor', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await server.login();
  });

  it('is told at sign-in and in the session answer that a second factor comes first', async () => {
    const login = await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ role: 'admin', secondFactor: false, secondFactorRequired: true });
    const session = await server.staff(cookie, '/session');
    expect(session.status).toBe(200);
    expect(session.json.secondFactorRequired).toBe(true);
  });

  it.each([
    ['lists users', 'GET', '/users'],
    ['creates enrolment codes', 'POST', '/enrolment-codes'],
    ['reads the audit log', 'GET', '/audit'],
    ['lists devices', 'GET', '/devices'],
    ['reads submissions', 'GET', '/submissions'],
    ['creates an account', 'POST', '/users'],
    ['resets a password', 'POST', '/users/someone/reset-password'],
    ['changes a role', 'POST', '/users/someone/role'],
  ])('cannot do anything else: %s answers 403 second_factor_required', async (_what, method, path) => {
    const r = await server.staff(cookie, path, { method, ...(method === 'POST' ? { body: JSON.stringify({ username: 'x-user', password: 'a long enough password', role: 'admin', label: 'x' }) } : {}) });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('second_factor_required');
  });

  it('cannot take a tablet staff credential either', async () => {
    const tablet = await server.enroll('Gate tablet', 'tablet');
    const r = await server.request('/api/v1/devices/staff-credential', { method: 'POST', headers: { Cookie: cookie, Authorization: `Bearer ${tablet.token}` }, body: '{}' });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('second_factor_required');
  });

  it('enrols, and then works', async () => {
    const enrol = await post(cookie, '/totp/enrol');
    expect(enrol.status).toBe(200);
    const confirm = await post(cookie, '/totp/confirm', { code: totpCode(enrol.json.secret, now()) });
    expect(confirm.status).toBe(200);
    expect(confirm.json.recoveryCodes).toHaveLength(10);
    expect((await server.staff(cookie, '/session')).json.secondFactorRequired).toBeUndefined();
    expect((await server.staff(cookie, '/users')).status).toBe(200);
    expect((await server.staff(cookie, '/audit')).status).toBe(200);
    // Signing in again now takes the code, and the session is not gated.
    offsetMs += 30_000;
    const again = await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ ...ADMIN, code: totpCode(enrol.json.secret, now()) }) });
    expect(again.status).toBe(200);
    expect(again.json.secondFactorRequired).toBeUndefined();
    // The recovery codes were shown once, and the audit log has the enrolment.
    const audit = (await server.staff(cookie, '/audit?limit=200')).json.entries as { action: string; actor: string }[];
    expect(audit.some((e) => e.action === 'enrol_second_factor' && e.actor === ADMIN.username)).toBe(true);
  });

  it('does not gate caseworkers, who may enrol by choice', async () => {
    const admin = await server.staff(cookie, '/users', { method: 'POST', body: JSON.stringify({ username: 'gate-cw', password: 'a long staff password', role: 'caseworker' }) });
    expect(admin.status).toBe(201);
    const cw = await server.login('gate-cw', 'a long staff password');
    expect((await server.staff(cw, '/session')).json.secondFactorRequired).toBeUndefined();
    expect((await server.staff(cw, '/submissions')).status).toBe(200);
  });

  it('gates a second admin made by the first, until they enrol', async () => {
    expect((await server.staff(cookie, '/users', { method: 'POST', body: JSON.stringify({ username: 'gate-admin2', password: 'a long staff password', role: 'admin' }) })).status).toBe(201);
    const second = await server.login('gate-admin2', 'a long staff password');
    const r = await server.staff(second, '/enrolment-codes', { method: 'POST', body: JSON.stringify({ label: 'x' }) });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('second_factor_required');
    // A caseworker promoted to admin is gated too, at their next request.
    const cw = await server.login('gate-cw', 'a long staff password');
    expect((await post(cookie, '/users/gate-cw/role', { role: 'admin' })).status).toBe(200);
    const promoted = await server.login('gate-cw', 'a long staff password');
    expect((await server.staff(promoted, '/users')).json.error.code).toBe('second_factor_required');
    void cw;
  });
});

describe('the session answer tells both deadlines', () => {
  it('the idle end, the absolute end and the idle span', async () => {
    const cookie = await server.login('gate-admin2', 'a long staff password');
    const start = now();
    const s = (await server.staff(cookie, '/session')).json;
    expect(s.idleSeconds).toBe(15 * 60);
    const idle = Date.parse(s.expiresAt) - start;
    expect(idle).toBeGreaterThan(14 * 60_000);
    expect(idle).toBeLessThanOrEqual(15 * 60_000 + 1000);
    const absolute = Date.parse(s.absoluteExpiresAt) - start;
    expect(absolute).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(absolute).toBeLessThanOrEqual(8 * 3600_000);
    // Activity moves the idle end on, never the absolute end.
    offsetMs += 10 * 60_000;
    const later = (await server.staff(cookie, '/session')).json;
    expect(Date.parse(later.expiresAt)).toBeGreaterThan(Date.parse(s.expiresAt) + 9 * 60_000);
    expect(later.absoluteExpiresAt).toBe(s.absoluteExpiresAt);
  });
});
