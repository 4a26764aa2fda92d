import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CookieBrowser, freePort } from '../support/cookie-browser.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';
import { ssoUsername } from '#server/auth/oidc-roles.ts';
import { oidcSettingsFromEnv } from '#server/auth/oidc-settings.ts';
import { startTestServer, type TestServer } from './harness.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * An account made at sign-in through the organisation's login has no password here. An admin who
 * could give it one (a reset) could then sign in as that person past the provider and its second
 * factor: the server refuses every password route for such an account, whoever asks.
 */

let op: TestProvider;
let server: TestServer;
let mette: string;

beforeAll(async () => {
  const port = await freePort();
  op = await startTestProvider([`http://127.0.0.1:${port}/api/v1/staff/sso/callback`]);
  op.users.set('mette-42', { name: 'Mette Jensen', roles: ['caseworker'] });
  const oidc = oidcSettingsFromEnv({ OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: op.clientId, OIDC_CLIENT_SECRET: op.clientSecret, OIDC_ALLOW_HTTP_LOCALHOST: 'true' });
  server = await startTestServer({ port, hostname: '127.0.0.1', oidc });
  mette = ssoUsername(op.issuer, 'mette-42');
}, 60_000);
afterAll(async () => {
  await server?.close();
  await op?.close();
});

async function signInThroughProvider(subject: string): Promise<string> {
  op.signInAs(subject);
  const browser = new CookieBrowser();
  await browser.navigate(server.url + '/api/v1/staff/sso/start');
  const session = browser.cookies(server.url).get('__Host-staff_session');
  expect(session).toBeTruthy();
  return `__Host-staff_session=${session}`;
}

describe('an account from the organisation’s login has no local password', () => {
  it('refuses an admin’s password reset for it with 409 sso_account, and nothing changes', async () => {
    await signInThroughProvider('mette-42');
    const admin = await server.login();
    const reset = await server.staff(admin, `/users/${encodeURIComponent(mette)}/reset-password`, { method: 'POST' });
    expect(reset.status).toBe(409);
    expect(reset.json.error.code).toBe('sso_account');
    expect(reset.text).not.toContain('temporaryPassword');
    // No audit entry of a reset that did not happen.
    const audit = (await server.staff(admin, `/audit?action=reset_password&target=${encodeURIComponent(mette)}`)).json.entries as unknown[];
    expect(audit).toEqual([]);
    // The same admin may still reset a local account: the refusal is about the account, not the admin.
    const created = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'lokal.lise', password: 'Lang nok og helt unik adgangskode 7', role: 'caseworker' }) });
    expect(created.status, created.text).toBe(201);
    expect((await server.staff(admin, '/users/lokal.lise/reset-password', { method: 'POST' })).status).toBe(200);
  });

  it('refuses a password login under its name, whatever the password, before any look-up', async () => {
    for (const username of [mette, mette.toUpperCase(), 'sso-does-not-exist']) {
      const res = await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username, password: 'anything at all 12345' }) });
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('sso_account');
    }
  });

  it('refuses a password change from its own session', async () => {
    const cookie = await signInThroughProvider('mette-42');
    const change = await server.staff(cookie, '/password', { method: 'POST', body: JSON.stringify({ currentPassword: 'x', newPassword: 'Lang nok og helt unik adgangskode 8' }) });
    expect(change.status).toBe(409);
    expect(change.json.error.code).toBe('sso_account');
  });
});
