import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CookieBrowser, freePort } from '../support/cookie-browser.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';
import { displayNameFromClaims, ssoUsername } from '#server/auth/oidc-roles.ts';
import { oidcSettingsFromEnv } from '#server/auth/oidc-settings.ts';
import { startTestServer, type TestServer } from './harness.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let op: TestProvider;
let server: TestServer;

beforeAll(async () => {
  const port = await freePort();
  op = await startTestProvider([`http://127.0.0.1:${port}/api/v1/staff/sso/callback`]);
  const oidc = oidcSettingsFromEnv({ OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: op.clientId, OIDC_CLIENT_SECRET: op.clientSecret, OIDC_ALLOW_HTTP_LOCALHOST: 'true' });
  // The admins' second factor is required here, as in production: SSO admins are exempt.
  server = await startTestServer({ port, hostname: '127.0.0.1', oidc, adminSecondFactor: 'required' });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await op?.close();
});

async function signIn(subject: string) {
  op.signInAs(subject);
  const browser = new CookieBrowser();
  await browser.navigate(server.url + '/api/v1/staff/sso/start');
  const session = browser.cookies(server.url).get('__Host-staff_session');
  expect(session).toBeTruthy();
  return `__Host-staff_session=${session}`;
}

describe('names from the organisation’s login', () => {
  it('shows the provider’s name, stored at each sign-in; the username stays the key', async () => {
    op.users.set('karen-1', { name: 'Karen Friis', roles: ['admin'] });
    const cookie = await signIn('karen-1');
    const username = ssoUsername(op.issuer, 'karen-1');
    const session = (await server.staff(cookie, '/session')).json;
    expect(session).toMatchObject({ username, displayName: 'Karen Friis', role: 'admin' });
    // An SSO admin is not sent to our own second factor: the provider asks for one.
    expect(session.secondFactorRequired).toBeUndefined();
    const users = (await server.staff(cookie, '/users')).json.users as { username: string; displayName: string | null; sso: boolean }[];
    expect(users.find((u) => u.username === username)).toMatchObject({ displayName: 'Karen Friis', sso: true });
    expect(users.find((u) => u.username === 'admin')).toMatchObject({ displayName: null, sso: false });
    // Married and renamed in the directory: the next sign-in brings the new name, same account.
    op.users.set('karen-1', { name: 'Karen Friis Holm', roles: ['admin'] });
    const again = await signIn('karen-1');
    expect((await server.staff(again, '/session')).json).toMatchObject({ username, displayName: 'Karen Friis Holm' });
    const people = (await server.staff(again, '/people')).json.people;
    expect(people).toContainEqual({ username, displayName: 'Karen Friis Holm' });
  });

  it('takes given and family name when the provider sends no `name`', async () => {
    op.users.set('per-2', { name: '', givenName: 'Per', familyName: 'Kjær', roles: ['caseworker'] });
    const cookie = await signIn('per-2');
    expect((await server.staff(cookie, '/session')).json.displayName).toBe('Per Kjær');
    // Caseworkers read names too (assignees and notes name colleagues), but not the accounts list.
    expect((await server.staff(cookie, '/people')).json.people).toContainEqual({ username: ssoUsername(op.issuer, 'per-2'), displayName: 'Per Kjær' });
    expect((await server.staff(cookie, '/users')).status).toBe(403);
  });

  it('needs a session to read names', async () => {
    expect((await server.request('/api/v1/staff/people')).status).toBe(401);
  });
});

describe('displayNameFromClaims', () => {
  it('drops control characters and caps the length', () => {
    expect(displayNameFromClaims({ name: 'Anna\u0000\u202e Berg\n' })).toBe('Anna Berg');
    expect(displayNameFromClaims({ name: 'x'.repeat(500) })).toHaveLength(120);
    expect(displayNameFromClaims({ name: 42, given_name: ' ', family_name: '' })).toBeUndefined();
    expect(displayNameFromClaims({ given_name: 'Ib' })).toBe('Ib');
  });
});
