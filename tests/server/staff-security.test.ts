import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let device: EnrollResponse;
let admin: string;
let caseworker: string;

beforeAll(async () => {
  server = await startTestServer();
  device = await server.enroll('Security kiosk');
  admin = await server.login();
  await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'cw-sec', password: 'caseworker password', role: 'caseworker' }) });
  caseworker = await server.login('cw-sec', 'caseworker password');
});
afterAll(() => server.close());

/** Every staff endpoint, with a body where it takes one. */
const staffEndpoints: [string, string, unknown?][] = [
  ['GET', '/session'],
  ['GET', '/submissions'],
  ['GET', '/submissions.csv'],
  ['GET', `/submissions/${randomUUID()}`],
  ['POST', `/submissions/${randomUUID()}/transition`, { to: 'done' }],
  ['GET', '/audit'],
  ['GET', '/devices'],
  ['POST', `/devices/${randomUUID()}/revoke`],
  ['POST', '/users', { username: 'intruder', password: 'intruder password', role: 'admin' }],
  ['POST', '/enrolment-codes', { expiresInHours: 1 }],
  ['GET', '/enrolment-codes'],
  ['POST', `/enrolment-codes/${randomUUID()}/revoke`],
  ['GET', '/device-names'],
  ['GET', '/users'],
  ['POST', '/users/admin/disable'],
  ['GET', '/submission-types'],
  ['POST', `/submissions/${randomUUID()}/print`],
  ['POST', `/submissions/${randomUUID()}/assign`, { assignee: null }],
  ['POST', `/submissions/${randomUUID()}/notes`, { note: 'x' }],
];

const call = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  server.request(`/api/v1/staff${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });

describe('staff endpoints', () => {
  it.each(staffEndpoints)('%s %s refuses a kiosk device token with 401', async (method, path, body) => {
    const r = await call(method, path, body, { Authorization: `Bearer ${device.token}` });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('not_logged_in');
  });

  it.each([
    ['GET', '/devices'],
    ['POST', `/devices/${randomUUID()}/revoke`],
    ['POST', '/users', { username: 'intruder', password: 'intruder password', role: 'admin' }],
    ['POST', '/enrolment-codes', { expiresInHours: 1 }],
    ['GET', '/enrolment-codes'],
    ['POST', `/enrolment-codes/${randomUUID()}/revoke`],
    ['GET', '/users'],
    ['POST', '/users/admin/disable'],
    ['GET', '/audit'],
  ] as [string, string, unknown?][])('%s %s is for admins: a caseworker gets 403', async (method, path, body) => {
    const r = await call(method, path, body, { Cookie: caseworker });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('admin_only');
  });

  it('creates no account when a caseworker tries', async () => {
    const r = await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username: 'intruder', password: 'intruder password' }) });
    expect(r.status).toBe(401);
  });

  it('answers the session of the cookie, and 401 without one', async () => {
    const r = await server.staff(caseworker, '/session');
    expect(r.json).toEqual({ username: 'cw-sec', role: 'caseworker', expiresAt: expect.any(String), absoluteExpiresAt: expect.any(String), idleSeconds: 15 * 60, secondFactor: false });
    expect((await server.request('/api/v1/staff/session')).status).toBe(401);
  });
});

describe('a revoked device', () => {
  it('gets 401 on its next sync (the device keeps its items: that is the client side)', async () => {
    const lost = await server.enroll('Stolen tablet');
    expect((await server.staff(admin, `/devices/${lost.deviceId}/revoke`, { method: 'POST' })).status).toBe(204);
    const { envelope } = await testEnvelope(lost.serverKey);
    const r = await server.submit(lost.token, { submissions: [envelope] });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('invalid_token');
    expect((await server.staff(admin, `/submissions/${envelope.id}`)).status).toBe(404);
  });
});
