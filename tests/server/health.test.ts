import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

/** Health as a load balancer uses it: liveness says the process answers, readiness that it can store and decrypt. */
describe('health on SQLite', { timeout: 30_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(() => server?.close());

  it('answers ready and live while the database and the key are fine', async () => {
    for (const path of ['/api/health', '/api/health/ready']) {
      const r = await server.request(path);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ ok: true, storage: 'sqlite' });
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
    expect((await server.request('/api/health/live')).json).toEqual({ ok: true });
  });

  it('answers 503 with a reason when the active key in the database cannot be opened', async () => {
    // Another process "rotated" to a key whose private half is damaged.
    const file = new BetterSqlite3(join(server.dir, 'data', 'kiosk.sqlite'));
    const old = file.prepare("SELECT kid FROM key_pairs WHERE current = 1 AND algorithm = 'RSA-OAEP-256'").get() as { kid: string };
    file.prepare('UPDATE key_pairs SET current = NULL WHERE kid = ?').run(old.kid);
    file.prepare("INSERT INTO key_pairs (kid, algorithm, public_jwk, sealed_private_key, current, created_at) VALUES ('broken', 'RSA-OAEP-256', '{}', 'not-sealed-by-this-kek', 1, ?)").run(new Date().toISOString());
    try {
      for (const path of ['/api/health', '/api/health/ready']) {
        const r = await server.request(path);
        expect(r.status).toBe(503);
        expect(r.json).toEqual({ ok: false, storage: 'sqlite', reason: 'server_key_unavailable' });
      }
      expect((await server.request('/api/health/live')).status).toBe(200);
    } finally {
      file.prepare("DELETE FROM key_pairs WHERE kid = 'broken'").run();
      file.prepare('UPDATE key_pairs SET current = 1 WHERE kid = ?').run(old.kid);
      file.close();
    }
    expect((await server.request('/api/health')).status).toBe(200);
  });
});

describe.runIf(pgAvailable())('health on PostgreSQL', () => {
  let cluster: PgCluster;
  let server: TestServer;
  beforeAll(async () => {
    cluster = await startPgCluster();
    server = await startTestServer({ databaseUrl: await cluster.createDatabase() });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await cluster?.stop();
  });

  it('answers 503 database_unreachable while PostgreSQL is down, and ready again once it is back', async () => {
    expect((await server.request('/api/health')).json).toEqual({ ok: true, storage: 'postgres' });
    cluster.halt();
    for (const path of ['/api/health', '/api/health/ready']) {
      const r = await server.request(path);
      expect(r.status).toBe(503);
      expect(r.json).toEqual({ ok: false, storage: 'postgres', reason: 'database_unreachable' });
    }
    // Liveness does not ask the database: restarting the process would not bring PostgreSQL back.
    expect((await server.request('/api/health/live')).status).toBe(200);
    cluster.resume();
    // The pool replaces its broken connections by itself; wait for it rather than for a time.
    await expect.poll(async () => (await server.request('/api/health')).status, { timeout: 30_000, interval: 200 }).toBe(200);
  }, 60_000);
});
