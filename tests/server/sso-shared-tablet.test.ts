import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CookieBrowser, freePort } from '../support/cookie-browser.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';
import { ssoUsername } from '#server/auth/oidc-roles.ts';
import { oidcSettingsFromEnv } from '#server/auth/oidc-settings.ts';
import { startTestServer, type TestServer } from './harness.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * A tablet is shared: the provider's session in its browser is the previous colleague's. Its
 * sign-in asks the provider to sign the person in again (prompt=login), so adding a colleague
 * never silently signs the previous one in under the new person's PIN. (Another account then
 * needs the provider's own "end the earlier session" page, which runs script: the browser test
 * staff-sso.browser.test.ts adds a second colleague that way.)
 */

let op: TestProvider;
let server: TestServer;

beforeAll(async () => {
  const port = await freePort();
  op = await startTestProvider([`http://127.0.0.1:${port}/api/v1/staff/sso/callback`]);
  op.users.set('sofie-8', { name: 'Sofie Bak', roles: ['caseworker'] });
  op.users.set('ole-3', { name: 'Ole Lund', roles: ['caseworker'] });
  const oidc = oidcSettingsFromEnv({ OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: op.clientId, OIDC_CLIENT_SECRET: op.clientSecret, OIDC_ALLOW_HTTP_LOCALHOST: 'true' });
  server = await startTestServer({ port, hostname: '127.0.0.1', oidc });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await op?.close();
});

/** Signs in through `start` in `browser` (which keeps the provider's cookies); answers who the session is. */
async function whoSignsIn(browser: CookieBrowser, subject: string, start: string): Promise<{ username: string; toProvider: URL; askedAgain: boolean }> {
  op.signInAs(subject);
  const { hops } = await browser.navigate(server.url + start);
  const session = browser.cookies(server.url).get('__Host-staff_session');
  expect(session).toBeTruthy();
  const username = (await server.staff(`__Host-staff_session=${session}`, '/session')).json.username as string;
  await server.staff(`__Host-staff_session=${session}`, '/logout', { method: 'POST' });
  // The provider's own sign-in step (where a person types a password) was gone through.
  const askedAgain = hops.some((hop) => new URL(hop).pathname.startsWith('/interaction/'));
  return { username, toProvider: new URL(hops[1]!), askedAgain };
}

describe('the organisation’s login on a shared tablet', () => {
  it('asks the provider for a fresh sign-in from a tablet, and not from the back office', async () => {
    const tablet = await whoSignsIn(new CookieBrowser(), 'sofie-8', '/api/v1/staff/sso/start?return=tablet');
    expect(tablet.toProvider.searchParams.get('prompt')).toBe('login');
    const desk = await whoSignsIn(new CookieBrowser(), 'sofie-8', '/api/v1/staff/sso/start');
    expect(desk.toProvider.searchParams.get('prompt')).toBeNull();
  });

  it('makes the provider ask again even while its own session in that browser is open', async () => {
    const browser = new CookieBrowser();
    expect((await whoSignsIn(browser, 'sofie-8', '/api/v1/staff/sso/start')).askedAgain).toBe(true); // the first time, of course
    expect((await whoSignsIn(browser, 'sofie-8', '/api/v1/staff/sso/start')).askedAgain).toBe(false); // the provider's session carries it
    const tablet = await whoSignsIn(browser, 'sofie-8', '/api/v1/staff/sso/start?return=tablet');
    expect(tablet.askedAgain).toBe(true);
    expect(tablet.username).toBe(ssoUsername(op.issuer, 'sofie-8'));
  });

  it('(why it matters) without it the provider reuses its session: the back office in the same browser gets the earlier person', async () => {
    const browser = new CookieBrowser();
    await whoSignsIn(browser, 'sofie-8', '/api/v1/staff/sso/start');
    expect((await whoSignsIn(browser, 'ole-3', '/api/v1/staff/sso/start')).username).toBe(ssoUsername(op.issuer, 'sofie-8'));
  });
});
