import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressiveDelay } from '#server/auth/attempt-policy.ts';
import { TokenBuckets } from '#server/rate-limit.ts';
import { testEnvelope } from './fixtures.ts';
import { ADMIN, ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';

describe('TokenBuckets', () => {
  it('allows a burst, then the sustained rate, and says how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 3, () => now);
    expect([1, 2, 3].map(() => buckets.take('k'))).toEqual([0, 0, 0]);
    expect(buckets.take('k')).toBe(1);
    now += 500;
    expect(buckets.take('k')).toBe(0);
    expect(buckets.take('other')).toBe(0);
  });
});

describe('progressiveDelay', () => {
  it('lets the first failures through, then doubles the wait up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => progressiveDelay(n, 5, 1000, 8000))).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000, 8000]);
  });
});

describe('limits over HTTP', { timeout: 60_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      limits: { deviceRequestsPerSecond: 0.5, deviceBurst: 3, loginFailuresPerUser: 5, loginFailuresPerIp: 8, enrollFailuresPerIp: 3, failureDelayBaseMs: 60_000, sharedDelayCapMs: 120_000 },
    });
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After when one device sends too fast, without slowing others', async () => {
    const a = await server.enroll('A');
    const b = await server.enroll('B');
    const { envelope } = await testEnvelope(a.serverKey);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await server.submit(a.token, { submissions: [envelope] })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await server.submit(a.token, { submissions: [envelope] });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.json.error.code).toBe('rate_limited');
    expect((await server.submit(b.token, { submissions: [envelope] })).status).toBe(200);
  });

  it('makes a username wait after 5 failed logins, even for the right password, with Retry-After', async () => {
    const attempt = (password: string) => server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username: ADMIN.username, password }) });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password ' + i)).status).toBe(401);
    const locked = await attempt(ADMIN.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(50);
  });

  it('limits failed logins per address across usernames', async () => {
    const attempt = (username: string) => server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username, password: 'wrong password' }) });
    // 5 failures from the test above count for this address too: 3 more reach the limit of 8.
    for (const u of ['u1', 'u2', 'u3']) expect((await attempt(u)).status).toBe(401);
    expect((await attempt('u4')).status).toBe(429);
  });

  it('makes an address wait after too many wrong enrolment codes', async () => {
    const enroll = (code: string) => server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code, name: 'K', kind: 'kiosk' }) });
    for (let i = 0; i < 3; i++) expect((await enroll('WRONG-' + i)).status).toBe(403);
    const locked = await enroll(ENROLLMENT_CODE);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBeTruthy();
  });
});
