import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieBrowser, freePort } from '../support/cookie-browser.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';
import { oidcSettingsFromEnv } from '#server/auth/oidc-settings.ts';
import { startTestServer, type TestServer } from './harness.ts';

let op: TestProvider;
let server: TestServer;

beforeAll(async () => {
  const port = await freePort();
  op = await startTestProvider([`http://127.0.0.1:${port}/api/v1/staff/sso/callback`]);
  op.users.set('mette-42', { name: 'Mette Jensen', roles: ['caseworker'] });
  op.users.set('eve-1', { name: 'Eve Angriber', roles: ['caseworker'] });
  op.signInAs('mette-42');
  const oidc = oidcSettingsFromEnv({ OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: op.clientId, OIDC_CLIENT_SECRET: op.clientSecret, OIDC_ALLOW_HTTP_LOCALHOST: 'true' });
  server = await startTestServer({ port, hostname: '127.0.0.1', oidc });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await op?.close();
});

/**
 * Walks a browser from our start address through the provider up to (not into) our callback;
 * `rewrite` may change the address sent to the provider, as an attacker in the middle would.
 */
async function untilCallback(browser: CookieBrowser, rewrite: (url: URL) => void = () => {}): Promise<URL> {
  let res = await browser.request(`${server.url}/api/v1/staff/sso/start`);
  let url = new URL(res.headers.get('Location')!);
  rewrite(url);
  for (let hops = 0; hops < 20; hops++) {
    res = await browser.request(url.href);
    url = new URL(res.headers.get('Location')!, url);
    if (url.pathname === '/api/v1/staff/sso/callback') return url;
  }
  throw new Error('never came back to the callback');
}

const hasSession = (browser: CookieBrowser) => browser.cookies(server.url).has('__Host-staff_session');

describe('sign-in through the provider, attacked', () => {
  it('refuses a callback whose state was changed, and makes no session', async () => {
    const browser = new CookieBrowser();
    const callback = await untilCallback(browser);
    callback.searchParams.set('state', 'forged-state-value');
    const res = await browser.request(callback.href);
    expect(res.status).toBe(400);
    expect(res.headers.get('X-Error-Code')).toBe('sso_rejected');
    expect(hasSession(browser)).toBe(false);
  });

  it('refuses an ID token carrying another nonce than the one the server sent', async () => {
    const browser = new CookieBrowser();
    const callback = await untilCallback(browser, (url) => url.searchParams.set('nonce', 'attacker-chosen-nonce'));
    const res = await browser.request(callback.href);
    expect(res.status).toBe(400);
    expect(hasSession(browser)).toBe(false);
  });

  it('refuses a code issued for another PKCE challenge (an injected code)', async () => {
    const browser = new CookieBrowser();
    const callback = await untilCallback(browser, (url) => url.searchParams.set('code_challenge', 'A'.repeat(43)));
    const res = await browser.request(callback.href);
    expect(res.status).toBe(400);
    expect(hasSession(browser)).toBe(false);
  });

  it('refuses a callback brought to another browser (no sign-in started there)', async () => {
    const victim = new CookieBrowser();
    const callback = await untilCallback(new CookieBrowser());
    const res = await victim.request(callback.href);
    expect(res.status).toBe(400);
    expect(res.headers.get('X-Error-Code')).toBe('sso_no_attempt');
    expect(hasSession(victim)).toBe(false);
  });

  it('refuses an attacker’s code planted in a victim’s own sign-in (login CSRF)', async () => {
    op.signInAs('eve-1');
    const attackers = await untilCallback(new CookieBrowser());
    op.signInAs('mette-42');
    const victim = new CookieBrowser();
    const own = await untilCallback(victim);
    own.searchParams.set('code', attackers.searchParams.get('code')!);
    const res = await victim.request(own.href);
    expect(res.status).toBe(400);
    expect(hasSession(victim)).toBe(false);
  });

  it('uses a sign-in attempt once: replaying the callback makes no second session', async () => {
    const browser = new CookieBrowser();
    const callback = await untilCallback(browser);
    const pending = browser.cookies(server.url).get('__Host-staff_sso')!;
    expect((await browser.request(callback.href)).status).toBe(303);
    expect(hasSession(browser)).toBe(true);
    const replay = new CookieBrowser();
    replay.cookies(server.url).set('__Host-staff_sso', pending);
    const res = await replay.request(callback.href);
    expect(res.status).toBe(400);
    expect(hasSession(replay)).toBe(false);
  });

  it('keeps the PKCE verifier and nonce on the server: the browser holds only an opaque id', async () => {
    const browser = new CookieBrowser();
    const res = await browser.request(`${server.url}/api/v1/staff/sso/start`);
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/__Host-staff_sso=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    const to = new URL(res.headers.get('Location')!);
    expect(setCookie).not.toContain(to.searchParams.get('nonce')!);
    expect(setCookie).not.toContain(to.searchParams.get('state')!);
  });

  it('refuses a provider’s error answer (the user cancelled) with a page, not a server error', async () => {
    const browser = new CookieBrowser();
    const callback = await untilCallback(browser);
    const cancelled = new URL(callback.pathname, callback);
    cancelled.searchParams.set('error', 'access_denied');
    cancelled.searchParams.set('state', callback.searchParams.get('state')!);
    const res = await browser.request(cancelled.href);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
  });
});
