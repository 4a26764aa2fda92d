import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { ADMIN, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(() => server.close());

const create = (username: string, role = 'caseworker') =>
  server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username, password: 'a long staff password', role }) });
const disable = (username: string, cookie = admin) => server.staff(cookie, `/users/${username}/disable`, { method: 'POST' });
const login = (username: string) => server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username, password: 'a long staff password' }) });

describe('staff accounts', () => {
  it('lists every account with role, creation and state, never a password hash', async () => {
    expect((await create('list-me')).status).toBe(201);
    const r = await server.staff(admin, '/users');
    expect(r.status).toBe(200);
    expect(r.json.users).toEqual(expect.arrayContaining([
      { username: 'list-me', role: 'caseworker', createdAt: expect.any(String), disabledAt: null, disabledBy: null, displayName: null, sso: false },
      { username: ADMIN.username, role: 'admin', createdAt: expect.any(String), disabledAt: null, disabledBy: null, displayName: null, sso: false },
    ]));
    expect(r.text).not.toMatch(/argon2|password/i);
  });

  it('deactivates a leaver: logged out at once, refused at login with 403, and audited', async () => {
    await create('leaver');
    const cookie = await server.login('leaver', 'a long staff password');
    expect((await server.staff(cookie, '/submissions')).status).toBe(200);
    expect((await disable('leaver')).status).toBe(204);
    expect((await server.staff(cookie, '/submissions')).status).toBe(401);
    const refused = await login('leaver');
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('account_disabled');
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect((await server.staff(admin, '/users')).json.users.find((u: { username: string }) => u.username === 'leaver'))
      .toMatchObject({ disabledAt: expect.any(String), disabledBy: ADMIN.username });
    const audit = (await server.staff(admin, '/audit?target=leaver')).json.entries;
    expect(audit.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['disable_user', ADMIN.username],
      ['create_user', ADMIN.username],
    ]);
  });

  it('does not tell a wrong password for a deactivated account apart from any wrong password', async () => {
    await create('gone');
    await disable('gone');
    const r = await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username: 'gone', password: 'not the password at all' }) });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('invalid_credentials');
  });

  it('answers 404 for an unknown or already deactivated account', async () => {
    expect((await disable('nobody-here')).status).toBe(404);
    await create('twice');
    expect((await disable('twice')).status).toBe(204);
    expect((await disable('twice')).status).toBe(404);
  });

  it('never deactivates oneself or the last active admin', async () => {
    const self = await disable(ADMIN.username);
    expect(self.status).toBe(409);
    expect(self.json.error.code).toBe('cannot_disable_self');
    await create('second-admin', 'admin');
    const second = await server.login('second-admin', 'a long staff password');
    expect((await disable(ADMIN.username, second)).status).toBe(204);
  });

  it('keeps the last active admin in the store itself, whoever asks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-users-'));
    const store = await openStore({ dataDir: dir, log: silentLog });
    try {
      const user = (username: string, role: 'admin' | 'caseworker') =>
        store.createUser({ id: randomUUID(), username, role, passwordHash: 'x', createdAt: new Date().toISOString() });
      await user('only-admin', 'admin');
      await user('cw', 'caseworker');
      expect(await store.disableUser('only-admin', new Date().toISOString(), 'system')).toBe('last_admin');
      await user('other-admin', 'admin');
      expect(await store.disableUser('only-admin', new Date().toISOString(), 'system')).toBe('disabled');
      expect(await store.disableUser('other-admin', new Date().toISOString(), 'system')).toBe('last_admin');
      expect(await store.disableUser('cw', new Date().toISOString(), 'system')).toBe('disabled');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is for admins only', async () => {
    await server.staff(await server.login('second-admin', 'a long staff password'), '/users', { method: 'POST', body: JSON.stringify({ username: 'cw-plain', password: 'a long staff password', role: 'caseworker' }) });
    const caseworker = await server.login('cw-plain', 'a long staff password');
    expect((await server.staff(caseworker, '/users')).status).toBe(403);
    expect((await disable('cw-plain', caseworker)).status).toBe(403);
  });
});
