import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, Envelope } from '#contract/v1.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

/**
 * Two servers on one PostgreSQL receive the same 100 envelopes in opposite orders, several batches
 * at once (a device retrying through a load balancer while another copy is in flight). Without a
 * deterministic lock order the transactions wait on each other's rows and PostgreSQL aborts one
 * with "deadlock detected" (a 500); with it, every request succeeds.
 */
describe.runIf(pgAvailable())('concurrent opposite-order batches on PostgreSQL', { timeout: 180_000 }, () => {
  let cluster: PgCluster;
  let a: TestServer;
  let b: TestServer;
  let device: EnrollResponse;
  const dirs: string[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    const databaseUrl = await cluster.createDatabase();
    const dir = () => {
      const d = mkdtempSync(join(tmpdir(), 'kiosk-deadlock-'));
      dirs.push(d);
      return d;
    };
    a = await startTestServer({ databaseUrl, dir: dir() });
    b = await startTestServer({ databaseUrl, dir: dir() });
    device = await a.enroll('Kiosk retrying');
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await cluster?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  it('answers every request (0 errors) and stores every envelope exactly once, over several rounds', async () => {
    for (let round = 0; round < 3; round++) {
      const envelopes: Envelope[] = await Promise.all(Array.from({ length: 100 }, async () => (await testEnvelope(device.serverKey)).envelope));
      const reversed = [...envelopes].reverse();
      const sends = [
        { server: a, batch: envelopes },
        { server: b, batch: reversed },
        { server: a, batch: reversed },
        { server: b, batch: envelopes },
        { server: b, batch: envelopes },
        { server: a, batch: reversed },
      ];
      const replies = await Promise.all(sends.map(({ server, batch }) => server.submit(device.token, { submissions: batch })));
      expect(replies.map((r) => r.status), replies.map((r) => r.text.slice(0, 200)).join('\n')).toEqual(Array(sends.length).fill(200));
      const statusOf = new Map<string, string[]>();
      replies.forEach((r, i) => sends[i]!.batch.forEach((e, j) => statusOf.set(e.id, [...(statusOf.get(e.id) ?? []), r.json.results[j].status])));
      for (const e of envelopes) {
        const statuses = statusOf.get(e.id)!.sort();
        expect(statuses, e.id).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'stored']);
      }
    }
    const staff = await b.login();
    const listed = (await b.staff(staff, '/submissions?limit=10000')).json;
    expect(listed.total).toBe(300);
    expect(new Set(listed.submissions.map((s: { id: string }) => s.id)).size).toBe(300);
  });
});
