import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { passwordProblem } from '#server/auth/password-strength.ts';
import { startTestServer, type TestServer } from './harness.ts';

// Every sign-in costs an argon2 hash; on a loaded machine a test of several takes its time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
}, 60_000);
afterAll(() => server.close());

const create = (username: string, password: string, role = 'caseworker') =>
  server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username, password, role }) });

describe('password strength', () => {
  it.each([
    ['twelve ones', '111111111111', 'too_common'],
    ['a common password with digits', 'password1234', 'too_common'],
    ['a keyboard row', 'qwertyuiopas', 'too_common'],
    ['too short', 'Kx9#mP2!', 'too_short'],
  ])('refuses %s', (_what, password, problem) => {
    expect(passwordProblem(password, 'mette.hansen')).toBe(problem);
  });

  it('refuses the username as the password, in any case', () => {
    expect(passwordProblem('Mette.Hansen.1', 'mette.hansen.1')).toBe('same_as_username');
  });

  it('accepts a few unrelated words', () => {
    expect(passwordProblem('tangerine lantern oboe river', 'mette.hansen')).toBeUndefined();
  });

  it('the API refuses a weak password for a new account with weak_password, and creates nothing', async () => {
    const r = await create('weak.one', '111111111111', 'admin');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('weak_password');
    expect(r.text).not.toContain('111111111111');
    const users = await server.staff(admin, '/users');
    expect(users.text).not.toContain('weak.one');
  });

  it('refuses a weak ADMIN_PASSWORD at start-up', async () => {
    await expect(startTestServer({ adminUsername: 'first.admin', adminPassword: '111111111111' })).rejects.toThrow(/too easy to guess/);
  }, 60_000);
});
