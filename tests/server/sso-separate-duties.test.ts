import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let admin: string;
let caseworker: string;

beforeAll(async () => {
  server = await startTestServer({ separateAdminDuties: true });
  admin = await server.login();
  expect((await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'sagsbeh.anne', password: 'long enough caseworker pw', role: 'caseworker' }) })).status).toBe(201);
  caseworker = await server.login('sagsbeh.anne', 'long enough caseworker pw');
}, 60_000);
afterAll(() => server?.close());

describe('separation of duties (SEPARATE_ADMIN_DUTIES=true)', () => {
  it('lets the admin manage accounts, devices and codes', async () => {
    expect((await server.staff(admin, '/users')).status).toBe(200);
    expect((await server.staff(admin, '/devices')).status).toBe(200);
    expect((await server.staff(admin, '/enrolment-codes')).status).toBe(200);
  });

  it('keeps the admin out of every way into citizens’ cases', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [path, init] of [
      ['/submissions', {}],
      ['/submissions.csv', {}],
      ['/submission-types', {}],
      [`/submissions/${id}`, {}],
      [`/submissions/${id}/print`, { method: 'POST' }],
      [`/submissions/${id}/transition`, { method: 'POST', body: JSON.stringify({ to: 'closed' }) }],
    ] as const) {
      const res = await server.staff(admin, path, init);
      expect(res.status, path).toBe(403);
      expect(res.json.error.code, path).toBe('no_case_access');
    }
  });

  it('lets a caseworker read the cases', async () => {
    expect((await server.staff(caseworker, '/submissions')).status).toBe(200);
    expect((await server.staff(caseworker, '/submissions.csv')).status).toBe(200);
  });

  it('tells the back office, which then hides the inbox from admins', async () => {
    expect((await server.request('/api/v1/staff/sso')).json).toEqual({ enabled: false, separateAdminDuties: true });
    expect((await server.request('/api/v1/staff/sso/start')).status).toBe(404);
  });

  it('still asks for a session before anything else', async () => {
    expect((await server.request('/api/v1/staff/submissions')).status).toBe(401);
  });
});
