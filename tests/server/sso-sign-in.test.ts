import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieBrowser, freePort } from '../support/cookie-browser.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';
import { ssoUsername } from '#server/auth/oidc-roles.ts';
import { oidcSettingsFromEnv } from '#server/auth/oidc-settings.ts';
import { startTestServer, type TestServer } from './harness.ts';

let op: TestProvider;
let server: TestServer;

beforeAll(async () => {
  const port = await freePort();
  op = await startTestProvider([`http://127.0.0.1:${port}/api/v1/staff/sso/callback`]);
  op.users.set('mette-42', { name: 'Mette Jensen', roles: ['caseworker'] });
  op.users.set('ib-7', { name: 'Ib Holm', roles: ['kommune-it', 'admin'] });
  op.users.set('ulla-3', { name: 'Ulla Berg', roles: ['kantine'] });
  const oidc = oidcSettingsFromEnv({ OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: op.clientId, OIDC_CLIENT_SECRET: op.clientSecret, OIDC_ALLOW_HTTP_LOCALHOST: 'true' });
  server = await startTestServer({ port, hostname: '127.0.0.1', oidc });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await op?.close();
});

/** The whole code flow as a browser makes it: our server, the provider, and back. */
async function signIn(subject: string, browser = new CookieBrowser(), start = '/api/v1/staff/sso/start') {
  op.signInAs(subject);
  const { hops, response } = await browser.navigate(server.url + start);
  const session = browser.cookies(server.url).get('__Host-staff_session');
  return { browser, hops, response, session, cookie: session ? `__Host-staff_session=${session}` : '' };
}

async function audit(): Promise<any[]> {
  const admin = await server.login();
  return (await server.staff(admin, '/audit?limit=200')).json.entries;
}

describe('sign-in through the organisation’s OpenID provider', () => {
  it('tells the back office that it is on', async () => {
    expect((await server.request('/api/v1/staff/sso')).json).toEqual({ enabled: true, separateAdminDuties: false });
  });

  it('runs the code flow with PKCE through the provider and opens a staff session', async () => {
    const { hops, cookie } = await signIn('mette-42');
    const toProvider = new URL(hops[1]);
    expect(toProvider.origin).toBe(op.issuer);
    expect(toProvider.searchParams.get('code_challenge_method')).toBe('S256');
    expect(toProvider.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(toProvider.searchParams.get('state')).toBeTruthy();
    expect(toProvider.searchParams.get('nonce')).toBeTruthy();
    expect(hops.some((h) => h.startsWith(`${server.url}/api/v1/staff/sso/callback?code=`))).toBe(true);
    expect(new URL(hops.at(-1)!).pathname).toBe('/staff');
    const session = await server.staff(cookie, '/session');
    expect(session.status).toBe(200);
    expect(session.json.role).toBe('caseworker');
    expect(session.json.username).toMatch(/^sso-[0-9a-f]{24}$/);
    expect((await server.staff(cookie, '/submissions')).status).toBe(200);
    expect((await server.staff(cookie, '/users')).status).toBe(403);
  });

  it('signs the same person in to the same account every time, with the role from the claim', async () => {
    const first = await signIn('ib-7');
    const second = await signIn('ib-7');
    const a = (await server.staff(first.cookie, '/session')).json;
    const b = (await server.staff(second.cookie, '/session')).json;
    expect(a.username).toBe(b.username);
    expect(b.role).toBe('admin');
    expect((await server.staff(second.cookie, '/users')).status).toBe(200);
    const logins = (await audit()).filter((e) => e.action === 'login' && e.actor === a.username);
    expect(logins.length).toBe(2);
    expect(logins[0].detail).toMatchObject({ via: 'oidc', role: 'admin' });
  });

  it('takes the role from the claim at every sign-in: a lowered role applies at once', async () => {
    op.users.set('bo-5', { name: 'Bo Lund', roles: ['admin'] });
    expect((await server.staff((await signIn('bo-5')).cookie, '/session')).json.role).toBe('admin');
    op.users.set('bo-5', { name: 'Bo Lund', roles: ['caseworker'] });
    const again = await signIn('bo-5');
    expect((await server.staff(again.cookie, '/session')).json.role).toBe('caseworker');
    expect((await server.staff(again.cookie, '/users')).status).toBe(403);
  });

  it('refuses a user whose claim grants no role, and makes no account or session', async () => {
    const { response, session } = await signIn('ulla-3');
    expect(response.status).toBe(403);
    expect(response.headers.get('X-Error-Code')).toBe('sso_no_role');
    expect(await response.text()).toContain('Log ind lykkedes ikke');
    expect(session).toBeUndefined();
    const admin = await server.login();
    const users = (await server.staff(admin, '/users')).json.users.map((u: { username: string }) => u.username);
    expect(users).not.toContain(ssoUsername(op.issuer, 'ulla-3'));
    expect(users).toContain(ssoUsername(op.issuer, 'mette-42'));
    expect((await audit()).some((e) => e.action === 'login_failed' && e.detail.via === 'oidc' && e.detail.reason === 'no_role')).toBe(true);
  });

  it('refuses the next sign-in once the provider removed the role, and ends the earlier session', async () => {
    op.users.set('kim-9', { name: 'Kim Dahl', roles: ['caseworker'] });
    const before = await signIn('kim-9');
    expect(before.session).toBeDefined();
    op.users.set('kim-9', { name: 'Kim Dahl', roles: [] });
    const after = await signIn('kim-9');
    expect(after.response.status).toBe(403);
    expect(after.session).toBeUndefined();
    // The session from before the role was removed ends with the refused sign-in.
    expect((await server.staff(before.cookie, '/session')).status).toBe(401);
  });

  it('refuses a deactivated account even though the provider still grants the role', async () => {
    op.users.set('lis-2', { name: 'Lis Krog', roles: ['caseworker'] });
    const first = await signIn('lis-2');
    const { username } = (await server.staff(first.cookie, '/session')).json;
    const admin = await server.login();
    expect((await server.staff(admin, `/users/${username}/disable`, { method: 'POST' })).status).toBe(204);
    const again = await signIn('lis-2');
    expect(again.response.status).toBe(403);
    expect(again.response.headers.get('X-Error-Code')).toBe('account_disabled');
    expect(again.session).toBeUndefined();
  });

  it('gives an account made at sign-in no local password', async () => {
    const { cookie } = await signIn('mette-42');
    const { username } = (await server.staff(cookie, '/session')).json;
    for (const password of ['!sso', '', 'sso']) {
      const res = await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username, password: password || 'x' }) });
      // Refused as an account of the organisation's login (sso-no-local-password.test.ts).
      expect(res.status).toBe(409);
    }
  });

  it('brings a tablet’s sign-in back to the tablet, which then reads and ends the session', async () => {
    const { hops, cookie } = await signIn('mette-42', new CookieBrowser(), '/api/v1/staff/sso/start?return=tablet');
    expect(new URL(hops.at(-1)!).pathname + new URL(hops.at(-1)!).search).toBe('/tablet?sso=1');
    expect((await server.staff(cookie, '/session')).json.role).toBe('caseworker');
  });

  it('never lets an admin make a local account that could be taken for a provider’s user', async () => {
    const admin = await server.login();
    const res = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: ssoUsername(op.issuer, 'new-person'), password: 'a long enough password', role: 'admin' }) });
    expect(res.status).toBe(400);
  });
});
