import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './harness.ts';

// Every sign-in costs an argon2 hash; on a loaded machine a test of several takes its time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const PASSWORD = 'a long staff password';
let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
}, 60_000);
afterAll(() => server.close());

const post = (cookie: string, path: string, body?: unknown) =>
  server.staff(cookie, path, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const create = (username: string, role = 'caseworker') => post(admin, '/users', { username, password: PASSWORD, role });
const loginStatus = async (username: string, password: string) =>
  (await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username, password }) })).status;
const auditFor = async (action: string) => (await server.staff(admin, `/audit?action=${action}`)).json.entries as { actor: string; target: string }[];

describe('changing one’s own password', () => {
  it('needs the current password, refuses a weak one, and is audited', { timeout: 60_000 }, async () => {
    await create('cw.change');
    const cookie = await server.login('cw.change', PASSWORD);
    expect((await post(cookie, '/password', { currentPassword: 'not my password!', newPassword: 'violet harbour kettle drum' })).status).toBe(403);
    const weak = await post(cookie, '/password', { currentPassword: PASSWORD, newPassword: '111111111111' });
    expect(weak.status).toBe(400);
    expect(weak.json.error.code).toBe('weak_password');
    expect((await post(cookie, '/password', { currentPassword: PASSWORD, newPassword: 'cw.change' })).json.error.code).toBe('weak_password');
    expect((await post(cookie, '/password', { currentPassword: PASSWORD, newPassword: 'violet harbour kettle drum' })).status).toBe(204);
    expect(await loginStatus('cw.change', PASSWORD)).toBe(401);
    expect(await loginStatus('cw.change', 'violet harbour kettle drum')).toBe(200);
    expect(await auditFor('change_password')).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'cw.change', target: 'cw.change' })]));
  });
});

describe('admin reset', () => {
  it('gives a temporary password, shown once, that only lets its owner choose a new one', async () => {
    await create('cw.forgot');
    const before = await server.login('cw.forgot', PASSWORD);
    const reset = await post(admin, '/users/cw.forgot/reset-password');
    expect(reset.status).toBe(200);
    const temporary = reset.json.temporaryPassword as string;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    // Whoever held the old password is out at once, and it no longer works.
    expect((await server.staff(before, '/submissions')).status).toBe(401);
    expect(await loginStatus('cw.forgot', PASSWORD)).toBe(401);
    const login = await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username: 'cw.forgot', password: temporary }) });
    expect(login.json.mustChangePassword).toBe(true);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const blocked = await server.staff(cookie, '/submissions');
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('password_change_required');
    expect((await server.staff(cookie, '/session')).json.mustChangePassword).toBe(true);
    expect((await post(cookie, '/password', { currentPassword: temporary, newPassword: 'marble compass pepper sail' })).status).toBe(204);
    expect((await server.staff(cookie, '/submissions')).status).toBe(200);
    expect(await auditFor('reset_password')).toEqual(expect.arrayContaining([expect.objectContaining({ actor: ADMIN.username, target: 'cw.forgot' })]));
    const audit = await server.staff(admin, '/audit?action=reset_password');
    expect(audit.text).not.toContain(temporary);
  }, 60_000);

  it('is for admins only, and not for one’s own account', async () => {
    await create('cw.nosy');
    const cookie = await server.login('cw.nosy', PASSWORD);
    expect((await post(cookie, '/users/admin/reset-password')).status).toBe(403);
    expect((await post(admin, '/users/admin/reset-password')).status).toBe(409);
    expect((await post(admin, '/users/nobody.here/reset-password')).status).toBe(404);
  });
});

describe('reactivation and role changes', () => {
  it('reactivates a deactivated account, audited', { timeout: 60_000 }, async () => {
    await create('cw.back');
    expect((await post(admin, '/users/cw.back/disable')).status).toBe(204);
    expect(await loginStatus('cw.back', PASSWORD)).toBe(403);
    expect((await post(admin, '/users/cw.back/reactivate')).status).toBe(204);
    expect(await loginStatus('cw.back', PASSWORD)).toBe(200);
    expect((await post(admin, '/users/cw.back/reactivate')).status).toBe(404);
    expect(await auditFor('reactivate_user')).toEqual(expect.arrayContaining([expect.objectContaining({ actor: ADMIN.username, target: 'cw.back' })]));
  });

  it('changes a role, audited, and ends the account’s sessions', { timeout: 60_000 }, async () => {
    await create('cw.promoted');
    const cookie = await server.login('cw.promoted', PASSWORD);
    const r = await post(admin, '/users/cw.promoted/role', { role: 'admin' });
    expect(r.status).toBe(200);
    expect((await server.staff(cookie, '/session')).status).toBe(401);
    const again = await server.login('cw.promoted', PASSWORD);
    expect((await server.staff(again, '/users')).status).toBe(200);
    expect(await auditFor('change_role')).toEqual(expect.arrayContaining([expect.objectContaining({ actor: ADMIN.username, target: 'cw.promoted' })]));
    expect((await post(admin, '/users/cw.promoted/role', { role: 'caseworker' })).status).toBe(200);
  });

  it('never removes the last active admin, and refuses an unknown role', async () => {
    const only = await startTestServer();
    try {
      const cookie = await only.login();
      const r = await only.staff(cookie, '/users/admin/role', { method: 'POST', body: JSON.stringify({ role: 'caseworker' }) });
      expect(r.status).toBe(409);
      expect(r.json.error.code).toBe('last_admin');
      expect((await only.staff(cookie, '/users/admin/role', { method: 'POST', body: JSON.stringify({ role: 'root' }) })).status).toBe(400);
      expect((await only.staff(cookie, '/users')).status).toBe(200);
    } finally {
      await only.close();
    }
  }, 60_000);
});
