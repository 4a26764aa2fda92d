import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';
import { measureIngest } from './throughput.ts';

/** Two server processes behind a load balancer, sharing one PostgreSQL: one key, one copy of everything. */
describe.runIf(pgAvailable())('two servers on one PostgreSQL', () => {
  let cluster: PgCluster;
  let a: TestServer;
  let b: TestServer;
  let deviceA: EnrollResponse;
  let deviceB: EnrollResponse;
  const dirs: string[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    const databaseUrl = await cluster.createDatabase();
    const dir = () => {
      const d = mkdtempSync(join(tmpdir(), 'kiosk-multi-'));
      dirs.push(d);
      return d;
    };
    // Started together on an empty database: both migrate and both try to create the server key.
    [a, b] = await Promise.all([startTestServer({ databaseUrl, dir: dir() }), startTestServer({ databaseUrl, dir: dir() })]);
    [deviceA, deviceB] = await Promise.all([a.enroll('Kiosk A'), b.enroll('Kiosk B')]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await cluster?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('report postgres storage', async () => {
    expect((await a.request('/api/health')).json).toEqual({ ok: true, storage: 'postgres' });
  });

  it('hand out the same server key', () => {
    expect(deviceA.serverKey).toEqual(deviceB.serverKey);
  });

  it('ingest on B what was encrypted for the key from A, and staff on A read it decrypted', async () => {
    const { envelope, payload } = await testEnvelope(deviceA.serverKey);
    const r = await b.submit(deviceB.token, { submissions: [envelope] });
    expect(r.json.results[0].status).toBe('stored');
    const staff = await a.login();
    expect((await a.staff(staff, `/submissions/${envelope.id}`)).json.payload).toEqual(payload);
    // Sessions live in the database too: the load balancer may send the next request to B.
    expect((await b.staff(staff, `/submissions/${envelope.id}`)).status).toBe(200);
  });

  it('store an envelope sent to both at the same moment exactly once', async () => {
    const envelopes = await Promise.all(Array.from({ length: 20 }, async () => (await testEnvelope(deviceA.serverKey)).envelope));
    const [ra, rb] = await Promise.all([
      a.submit(deviceA.token, { submissions: envelopes }),
      b.submit(deviceB.token, { submissions: envelopes }),
    ]);
    for (const [i, e] of envelopes.entries()) {
      const statuses = [ra.json.results[i].status, rb.json.results[i].status].sort();
      expect(statuses, e.id).toEqual(['duplicate', 'stored']);
    }
    const staff = await b.login();
    const listed = (await b.staff(staff, '/submissions?limit=10000')).json.submissions.map((s: { id: string }) => s.id);
    for (const e of envelopes) expect(listed.filter((id: string) => id === e.id)).toHaveLength(1);
  });

  it('store 1,000 envelopes in batches of 100 within 30 s', async () => {
    expect(await measureIngest(b, deviceB, 1000, 'postgres')).toBeLessThan(30_000);
  }, 60_000);
});
