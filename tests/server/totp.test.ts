import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { totpCode } from '#server/auth/totp.ts';
import { startTestServer, type TestServer } from './harness.ts';

// Every sign-in costs an argon2 hash; on a loaded machine a test of several takes its time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** A secret as a deployment would set ADMIN_TOTP_SECRET (base32). */
const ADMIN_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASSWORD = 'a long staff password';

let server: TestServer;
let admin: string;
/** The clock the server checks codes against: moved a step on, instead of waiting 30 seconds. */
let offsetMs = 0;
const now = () => Date.now() + offsetMs;
const nextStep = () => {
  offsetMs += 30_000;
};

beforeAll(async () => {
  server = await startTestServer({ adminTotpSecret: ADMIN_SECRET, totpClock: now });
  admin = await loginAs('admin', 'correct horse battery staple', totpCode(ADMIN_SECRET, now()));
}, 60_000);
afterAll(() => server.close());

const post = (path: string, body: unknown, cookie?: string) =>
  server.request(path, { method: 'POST', body: JSON.stringify(body), headers: cookie ? { Cookie: cookie } : {} });
const login = (username: string, password: string, code?: string) => post('/api/v1/staff/login', { username, password, ...(code === undefined ? {} : { code }) });
async function loginAs(username: string, password: string, code?: string): Promise<string> {
  const r = await login(username, password, code);
  if (r.status !== 200) throw new Error(`login answered ${r.status}: ${r.text}`);
  return r.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Makes a caseworker and enrols a factor through the API as the back office does; its secret and recovery codes. */
async function caseworkerWithFactor(username: string) {
  expect((await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username, password: PASSWORD, role: 'caseworker' }) })).status).toBe(201);
  const cookie = await loginAs(username, PASSWORD);
  const enrol = await server.staff(cookie, '/totp/enrol', { method: 'POST' });
  expect(enrol.status).toBe(200);
  const secret = enrol.json.secret as string;
  expect(enrol.json.uri).toBe(`otpauth://totp/Borgerservice:${username}?issuer=Borgerservice&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
  const confirm = await server.staff(cookie, '/totp/confirm', { method: 'POST', body: JSON.stringify({ code: totpCode(secret, now()) }) });
  expect(confirm.status).toBe(200);
  nextStep();
  return { secret, recoveryCodes: confirm.json.recoveryCodes as string[], cookie };
}

describe('TOTP second factor at sign-in', () => {
  it('provisions the first admin from ADMIN_TOTP_SECRET: the password alone is not enough', async () => {
    nextStep();
    const bare = await login('admin', 'correct horse battery staple');
    expect(bare.status).toBe(401);
    expect(bare.json.error.code).toBe('second_factor_required');
    const ok = await login('admin', 'correct horse battery staple', totpCode(ADMIN_SECRET, now()));
    expect(ok.status).toBe(200);
    expect(ok.json.secondFactor).toBe(true);
  });

  it('refuses a wrong code as invalid credentials, and a right code with a wrong password', async () => {
    nextStep();
    const code = totpCode(ADMIN_SECRET, now());
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await login('admin', 'correct horse battery staple', wrong)).json.error.code).toBe('invalid_credentials');
    const badPassword = await login('admin', 'not the password at all', code);
    expect(badPassword.status).toBe(401);
    expect(badPassword.json.error.code).toBe('invalid_credentials');
  });

  it('accepts each code once: a code read over a shoulder cannot be replayed', async () => {
    nextStep();
    const code = totpCode(ADMIN_SECRET, now());
    expect((await login('admin', 'correct horse battery staple', code)).status).toBe(200);
    const again = await login('admin', 'correct horse battery staple', code);
    expect(again.status).toBe(401);
    expect(again.json.error.code).toBe('invalid_credentials');
    // Nor the code of the step before, though it is inside the window.
    expect((await login('admin', 'correct horse battery staple', totpCode(ADMIN_SECRET, now() - 30_000))).status).toBe(401);
  });

  it('accepts the code of the step before or after (a phone clock a little off), not two steps away', async () => {
    nextStep();
    nextStep();
    nextStep();
    expect((await login('admin', 'correct horse battery staple', totpCode(ADMIN_SECRET, now() - 60_000))).status).toBe(401);
    expect((await login('admin', 'correct horse battery staple', totpCode(ADMIN_SECRET, now() - 30_000))).status).toBe(200);
    expect((await login('admin', 'correct horse battery staple', totpCode(ADMIN_SECRET, now() + 30_000))).status).toBe(200);
  });

  it('counts missing and wrong codes in the attempt throttle, like wrong passwords', async () => {
    const strict = await startTestServer({ adminTotpSecret: ADMIN_SECRET, limits: { loginFailuresPerUser: 3, failureDelayBaseMs: 60_000 } });
    try {
      const tries = [];
      for (let i = 0; i < 4; i++) tries.push((await strict.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'correct horse battery staple', code: '000000' }) })).status);
      expect(tries.at(-1)).toBe(429);
    } finally {
      await strict.close();
    }
  }, 60_000);

  it('audits a failed second factor as a failed login, without the code', async () => {
    nextStep();
    await login('admin', 'correct horse battery staple', '123456');
    const audit = await server.staff(admin, '/audit?action=login_failed');
    expect(audit.status).toBe(200);
    expect(audit.text).toContain('wrong_code');
    expect(audit.text).not.toContain('123456');
  });
});

describe('enrolment and recovery codes', () => {
  it('a caseworker enrols with a code from the secret, then needs a code at every sign-in', async () => {
    const { secret } = await caseworkerWithFactor('cw.totp');
    expect((await login('cw.totp', PASSWORD)).json.error.code).toBe('second_factor_required');
    expect((await login('cw.totp', PASSWORD, totpCode(secret, now()))).status).toBe(200);
    const session = await server.staff(await loginAs('cw.totp', PASSWORD, totpCode(secret, now() + 30_000)), '/session');
    expect(session.json.secondFactor).toBe(true);
  });

  it('gives 10 recovery codes, each usable once instead of a code', async () => {
    const { recoveryCodes } = await caseworkerWithFactor('cw.recovery');
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await login('cw.recovery', PASSWORD, recoveryCodes[0])).status).toBe(200);
    const again = await login('cw.recovery', PASSWORD, recoveryCodes[0]);
    expect(again.status).toBe(401);
    expect(again.json.error.code).toBe('invalid_credentials');
    expect((await login('cw.recovery', PASSWORD, recoveryCodes[1]!.toUpperCase())).status).toBe(200);
    const audit = await server.staff(admin, '/audit?action=use_recovery_code');
    expect(audit.text).toContain('cw.recovery');
    expect(audit.text).not.toContain(recoveryCodes[0]);
  });

  it('refuses a wrong first code and a second enrolment over a working factor', async () => {
    const { cookie } = await caseworkerWithFactor('cw.twice');
    expect((await server.staff(cookie, '/totp/enrol', { method: 'POST' })).status).toBe(409);
    expect((await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'cw.wrong', password: PASSWORD, role: 'caseworker' }) })).status).toBe(201);
    const other = await loginAs('cw.wrong', PASSWORD);
    expect((await server.staff(other, '/totp/enrol', { method: 'POST' })).status).toBe(200);
    const wrong = await server.staff(other, '/totp/confirm', { method: 'POST', body: JSON.stringify({ code: '000000' }) });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.code).toBe('wrong_code');
    // Still without a factor: the password alone still signs in.
    expect((await login('cw.wrong', PASSWORD)).status).toBe(200);
  });

  it('stores the secret sealed, never in clear', async () => {
    const { secret } = await caseworkerWithFactor('cw.sealed');
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dataDir = join(server.dir, 'data');
    const bytes = readdirSync(dataDir).map((f) => readFileSync(join(dataDir, f)).toString('latin1')).join('');
    expect(bytes).not.toContain(secret);
    expect(bytes).not.toContain(ADMIN_SECRET);
  });

  it('refuses to start with an ADMIN_TOTP_SECRET that is not base32', async () => {
    await expect(startTestServer({ adminTotpSecret: 'not a secret!' })).rejects.toThrow(/base32/);
  }, 60_000);
});
