import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

/** Failed-login counters live in PostgreSQL: two processes behind a load balancer share them. */
describe.runIf(pgAvailable())('login limits on two servers sharing PostgreSQL', { timeout: 180_000 }, () => {
  let cluster: PgCluster;
  let a: TestServer;
  let b: TestServer;
  const dirs: string[] = [];
  const limits = { loginFailuresPerUser: 5, loginFailuresPerIp: 1000, failureDelayBaseMs: 600_000, sharedDelayCapMs: 600_000 };

  beforeAll(async () => {
    cluster = await startPgCluster();
    const databaseUrl = await cluster.createDatabase();
    const dir = () => {
      const d = mkdtempSync(join(tmpdir(), 'kiosk-throttle-pg-'));
      dirs.push(d);
      return d;
    };
    [a, b] = await Promise.all([startTestServer({ databaseUrl, dir: dir(), limits }), startTestServer({ databaseUrl, dir: dir(), limits })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await cluster?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  it('judge at most 5 of 40 parallel guesses spread over both, and both then refuse the right password', async () => {
    const guess = (s: TestServer, password: string) => s.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username: ADMIN.username, password }) });
    const statuses = (await Promise.all(Array.from({ length: 40 }, (_, i) => guess(i % 2 ? a : b, `guess ${i}`)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length, statuses.join(',')).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(35);
    for (const s of [a, b]) {
      const r = await guess(s, ADMIN.password);
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(500);
    }
  });
});
