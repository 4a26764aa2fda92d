import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Log } from '#server/log.ts';
import { ADMIN, startTestServer, type Reply, type TestServer } from './harness.ts';

/**
 * An attacker against login and enrolment: floods, parallel guess races, rotating addresses. The
 * server sits behind one trusted proxy (TRUST_PROXY=1), so X-Forwarded-For names the client.
 */
const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';
const LIMITS = {
  loginFailuresPerUser: 5,
  loginFailuresPerIp: 20,
  enrollFailuresPerIp: 3,
  enrollFailuresGlobal: 6,
  // Long enough that no wait runs out during a flood (so counts are exact), short enough for the owner to wait out.
  failureDelayBaseMs: 10_000,
  sharedDelayCapMs: 10_000,
  addressDelayCapMs: 600_000,
  maxConcurrentHashes: 4,
  maxQueuedHashes: 16,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function loginAs(server: TestServer, from: string, username: string, password: string): Promise<Reply> {
  return server.request('/api/v1/staff/login', { method: 'POST', headers: { 'X-Forwarded-For': from }, body: JSON.stringify({ username, password }) });
}

/** Tries until the server stops asking to wait, honouring Retry-After; the number of tries is bounded, not the time. */
async function loginWhenAllowed(server: TestServer, from: string, username: string, password: string): Promise<Reply> {
  for (let i = 0; i < 20; i++) {
    const r = await loginAs(server, from, username, password);
    if (r.status !== 429) return r;
    await sleep(Number(r.headers.get('retry-after')) * 1000);
  }
  throw new Error('still 429 after 20 tries');
}

describe('login under attack', { timeout: 120_000 }, () => {
  let server: TestServer;
  const lines: Record<string, unknown>[] = [];
  const log: Log = (level, msg, fields) => lines.push({ level, msg, ...fields });
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: 1, limits: LIMITS, log });
    await server.staff(await server.login(), '/users', { method: 'POST', body: JSON.stringify({ username: 'victim', password: 'victim password 2026', role: 'caseworker' }) });
  }, 120_000);
  afterAll(() => server?.close(), 60_000);

  it('answers 150 concurrent wrong logins from one address with 401 or 429, never hashing more than 4 at once', async () => {
    const replies = await Promise.all(Array.from({ length: 150 }, (_, i) => loginAs(server, ATTACKER, 'admin', `wrong guess ${i}`)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 429), statuses.join(',')).toBe(true);
    // Only the per-user allowance reached the password check; the rest were refused before hashing.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMITS.loginFailuresPerUser);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(150 - LIMITS.loginFailuresPerUser);
    for (const r of replies.filter((r) => r.status === 429)) expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(server.loginHashes.peak).toBeLessThanOrEqual(LIMITS.maxConcurrentHashes);
    expect(server.loginHashes.running).toBe(0);
  });

  it('never lets a parallel guess race reach the password check more often than the limit', async () => {
    const guesses = Array.from({ length: 39 }, (_, i) => loginAs(server, `192.0.2.${i + 1}`, 'victim', `guess ${i}`));
    // The right password goes last, from yet another address: the account's count still applies.
    guesses.push(loginAs(server, '192.0.2.200', 'victim', 'victim password 2026'));
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    const judged = statuses.filter((s) => s !== 429);
    expect(judged.length, statuses.join(',')).toBeLessThanOrEqual(LIMITS.loginFailuresPerUser);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - LIMITS.loginFailuresPerUser);
    // When five wrong guesses were judged, the right one could only have come after them: refused.
    if (statuses.filter((s) => s === 401).length === LIMITS.loginFailuresPerUser) expect(statuses.at(-1)).toBe(429);
  });

  it('slows an address that sprays many usernames far longer than any one username', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await loginAs(server, ATTACKER, `spray-${i}`, 'Summer2026!')).status);
    // 5 failures were booked on this address by the flood above: 15 more are judged, then it waits.
    expect(statuses.filter((s) => s === 401).length).toBe(LIMITS.loginFailuresPerIp - LIMITS.loginFailuresPerUser);
    expect(statuses.at(-1)).toBe(429);
  });

  it('lets the owner in from their own address once the short wait has passed, while the attacker stays slowed', async () => {
    const owner = await loginWhenAllowed(server, OWNER, 'victim', 'victim password 2026');
    expect(owner.status).toBe(200);
    // The owner's own wait may outlast the attacker's current step; the attacker's next failure then
    // earns a longer one at once: two tries in a row never both reach the password check.
    const first = await loginAs(server, ATTACKER, 'someone-else', 'guess');
    const attacker = first.status === 429 ? first : await loginAs(server, ATTACKER, 'someone-else', 'guess again');
    expect(attacker.status).toBe(429);
    // What is left of the attacker's current wait, in whole seconds (at least 1).
    expect(Number(attacker.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('writes the client address behind the proxy to the request log and to login_failed audit entries', async () => {
    const r = await loginWhenAllowed(server, '198.51.100.99', 'victim', 'not it');
    expect(r.status).toBe(401);
    expect(lines.some((l) => l.msg === 'request' && l.path === '/api/v1/staff/login' && l.ip === '198.51.100.99')).toBe(true);
    const admin = await loginWhenAllowed(server, '198.51.100.5', ADMIN.username, ADMIN.password);
    const cookie = admin.headers.getSetCookie()[0]!.split(';')[0]!;
    const audit = await server.staff(cookie, '/audit?action=login_failed&actor=victim');
    expect(audit.json.entries.some((e: { detail: { ip?: string } }) => e.detail.ip === '198.51.100.99')).toBe(true);
  });

  it('ignores X-Forwarded-For entries the client wrote itself (only the trusted hop counts)', async () => {
    // The proxy appends the real peer; what the client put in front is skipped. The attacker is made
    // to wait first: on a slow machine its wait from the tests above may have run out.
    await loginAs(server, ATTACKER, 'x', 'y');
    const r = await server.request('/api/v1/staff/login', { method: 'POST', headers: { 'X-Forwarded-For': `10.9.9.9, ${ATTACKER}` }, body: JSON.stringify({ username: 'x', password: 'y' }) });
    expect(r.status).toBe(429);
  });

  it('slows enrolment for all addresses together, so rotating addresses does not help a code guesser', async () => {
    const enrol = (from: string) => server.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'X-Forwarded-For': from }, body: JSON.stringify({ code: 'WRONG-CODE-0000-0000', name: 'K', kind: 'kiosk' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await enrol(`100.64.0.${i + 1}`)).status);
    expect(statuses.slice(0, LIMITS.enrollFailuresGlobal)).toEqual(Array(LIMITS.enrollFailuresGlobal).fill(403));
    expect(statuses.slice(LIMITS.enrollFailuresGlobal)).toContain(429);
  });
});

describe('login counters', { timeout: 120_000 }, () => {
  it('are kept in the database: a restart does not give a guesser a fresh allowance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-attack-'));
    try {
      const limits = { ...LIMITS, failureDelayBaseMs: 600_000, sharedDelayCapMs: 600_000 };
      const first = await startTestServer({ dir, limits });
      for (let i = 0; i < LIMITS.loginFailuresPerUser; i++) expect((await loginAs(first, ATTACKER, 'admin', `wrong ${i}`)).status).toBe(401);
      await first.close();
      const second = await startTestServer({ dir, limits });
      try {
        const r = await loginAs(second, ATTACKER, 'admin', ADMIN.password);
        expect(r.status).toBe(429);
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(500);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('password hashing under load', { timeout: 120_000 }, () => {
  it('runs at most 4 hashes at once and refuses beyond its short queue at once with 429 server_busy', async () => {
    // Limits so loose that only the hash gate can say no: each login comes from its own address and username.
    const server = await startTestServer({ trustProxy: 1, limits: { maxConcurrentHashes: 4, maxQueuedHashes: 8 } });
    try {
      const replies = await Promise.all(Array.from({ length: 80 }, (_, i) => loginAs(server, `10.1.${i >> 8}.${i & 255}`, `nobody-${i}`, 'a guess of some length')));
      const statuses = replies.map((r) => r.status);
      expect(statuses.every((s) => s === 401 || s === 429), statuses.join(',')).toBe(true);
      const busy = replies.filter((r) => r.status === 429);
      expect(busy.length).toBeGreaterThan(0);
      for (const r of busy) {
        expect(r.json.error.code).toBe('server_busy');
        expect(r.headers.get('retry-after')).toBe('1');
      }
      expect(server.loginHashes.peak).toBe(4);
      expect(server.loginHashes.running).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('colleagues behind one address', { timeout: 120_000 }, () => {
  it('log in at the same moment without being told to wait', async () => {
    const server = await startTestServer({ limits: { loginFailuresPerUser: 5, loginFailuresPerIp: 20, maxConcurrentHashes: 4, maxQueuedHashes: 16 } });
    try {
      const admin = await server.login();
      const names = Array.from({ length: 8 }, (_, i) => `colleague-${i}`);
      for (const username of names) await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username, password: 'colleague password', role: 'caseworker' }) });
      const replies = await Promise.all(names.map((username) => server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username, password: 'colleague password' }) })));
      expect(replies.map((r) => r.status)).toEqual(Array(names.length).fill(200));
    } finally {
      await server.close();
    }
  });
});
