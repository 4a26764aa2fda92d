import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './harness.ts';
import { rawGet } from './raw-http.ts';

/** Cross-site request forgery, content types, caching and paging, tried as an attacker would. */
let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
}, 120_000);
afterAll(() => server?.close(), 60_000);

const newAdmin = (username: string) => JSON.stringify({ username, password: 'attacker password 1', role: 'admin' });
const usernames = async () => (await server.staff(admin, '/users')).json.users.map((u: { username: string }) => u.username) as string[];

describe('state-changing staff requests from another origin', () => {
  it('refuses to create an admin for a page on another site, even with a valid session cookie', async () => {
    const r = await server.staff(admin, '/users', { method: 'POST', headers: { Origin: 'https://evil.example' }, body: newAdmin('evil1') });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('cross_origin_refused');
    expect(r.json.error.message).toContain(server.url);
    expect(await usernames()).not.toContain('evil1');
  });

  it('refuses a text/plain body (a form or no-cors fetch) with 415, even from the right origin', async () => {
    const r = await server.staff(admin, '/users', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: newAdmin('evil2') });
    expect(r.status).toBe(415);
    expect(r.json.error.code).toBe('json_required');
    const form = await server.staff(admin, '/enrolment-codes', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'expiresInHours=168' });
    expect(form.status).toBe(415);
    expect(await usernames()).not.toContain('evil2');
  });

  it('refuses login CSRF: another origin, a sibling host, a null origin, text/plain', async () => {
    const login = (headers: Record<string, string>) => server.request('/api/v1/staff/login', { method: 'POST', headers, body: JSON.stringify(ADMIN) });
    for (const origin of ['https://evil.example', 'http://other.localhost', 'null', server.url.replace('127.0.0.1', 'localhost')]) {
      const r = await login({ Origin: origin });
      expect(r.status, origin).toBe(403);
      expect(r.headers.get('set-cookie'), origin).toBeNull();
    }
    expect((await login({ 'Content-Type': 'text/plain;charset=UTF-8' })).status).toBe(415);
  });

  it('refuses a request with neither Origin nor Sec-Fetch-Site, and accepts Sec-Fetch-Site same-origin alone', async () => {
    const raw = (headers: Record<string, string>) => fetch(`${server.url}/api/v1/staff/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(ADMIN) });
    const bare = await raw({});
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('origin_required');
    expect((await raw({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await raw({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await raw({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('guards logout, revocations and transitions too, but not reads', async () => {
    const evil = { Origin: 'https://evil.example' };
    expect((await server.staff(admin, '/logout', { method: 'POST', headers: evil })).status).toBe(403);
    expect((await server.staff(admin, '/devices/00000000-0000-4000-8000-000000000000/revoke', { method: 'POST', headers: evil })).status).toBe(403);
    expect((await server.staff(admin, '/submissions', { headers: evil })).status).toBe(200);
    // The session survived the refused logout.
    expect((await server.staff(admin, '/session')).status).toBe(200);
  });
});

describe('the server\'s own origin', { timeout: 60_000 }, () => {
  it('is PUBLIC_ORIGIN when set: the address behind the proxy is refused, the public one accepted', async () => {
    const s = await startTestServer({ publicOrigins: ['https://kiosk.aarhus.example'] });
    try {
      const login = (origin: string) => s.request('/api/v1/staff/login', { method: 'POST', headers: { Origin: origin }, body: JSON.stringify(ADMIN) });
      expect((await login(s.url)).status).toBe(403);
      expect((await login('https://kiosk.aarhus.example')).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('comes from X-Forwarded-Host and -Proto only behind a trusted proxy', async () => {
    const forwarded = { 'X-Forwarded-Host': 'kiosk.odense.example', 'X-Forwarded-Proto': 'https', Origin: 'https://kiosk.odense.example' };
    const body = JSON.stringify(ADMIN);
    expect((await server.request('/api/v1/staff/login', { method: 'POST', headers: forwarded, body })).status).toBe(403);
    const s = await startTestServer({ trustProxy: 1 });
    try {
      expect((await s.request('/api/v1/staff/login', { method: 'POST', headers: forwarded, body })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('caching', () => {
  it('marks every /api answer no-store: enrolment (a device token), login, lists, errors', async () => {
    const enrolled = await server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code: 'TEST-CODE-2468-ACEG-KMPR', name: 'K', kind: 'kiosk' }) });
    expect(enrolled.status).toBe(201);
    const answers = [
      enrolled,
      await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify(ADMIN) }),
      await server.staff(admin, '/submissions'),
      await server.staff(admin, '/devices'),
      await server.request('/api/health'),
      await server.request('/api/v1/nothing'),
      await server.staff(admin, '/submissions?limit=0'),
    ];
    for (const r of answers) expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps /config.json revalidated (no-cache), as the kiosk\'s service worker caches it for offline starts', async () => {
    expect((await server.request('/config.json')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for an unknown /assets path, never index.html with a year-long cache', async () => {
    for (const path of ['/assets/index', '/assets/old-build-hash', '/assets/x/y', '/assets/index-old999.js']) {
      const r = await rawGet(server.url, path, { 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html' });
      expect(r.status, path).toBe(404);
      expect(r.headers['cache-control'], path).not.toContain('immutable');
      expect(r.text, path).not.toContain('<title>');
    }
  });

  it('answers the single-page app only to navigations, not to a script fetching a route', async () => {
    expect((await rawGet(server.url, '/service/complaint', { 'Sec-Fetch-Mode': 'cors', Accept: '*/*' })).status).toBe(404);
    expect((await rawGet(server.url, '/service/complaint', { 'Sec-Fetch-Mode': 'no-cors', Accept: 'text/html' })).status).toBe(404);
    const page = await rawGet(server.url, '/service/complaint', { 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>kiosk</title>');
    // A client without Fetch metadata (curl, an old browser) that accepts HTML gets the page too.
    expect((await rawGet(server.url, '/service/complaint', { Accept: 'text/html' })).status).toBe(200);
  });
});

describe('paging abuse', () => {
  it.each([
    ['offset without limit', '?offset=1', 200],
    ['huge offset', '?offset=99999999999999999999', 400],
    ['negative offset', '?offset=-1', 400],
    ['limit 0', '?limit=0', 400],
    ['limit above the maximum', '?limit=10001', 400],
    ['limit not a number', '?limit=ten', 400],
    ['fractional limit', '?limit=1.5', 400],
    ['exponent', '?limit=1e3', 400],
  ])('answers %s on the list and the CSV without a 5xx', async (_what, query, status) => {
    const list = await server.staff(admin, `/submissions${query}`);
    expect(list.status, list.text).toBe(status);
    if (status === 400) expect(list.json.error.code).toBe('invalid_filter');
    expect((await server.staff(admin, `/submissions.csv${query}`)).status).toBe(status);
  });
});
