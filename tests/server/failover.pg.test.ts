import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, Envelope } from '#contract/v1.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgReplicaPair, type PgReplicaPair } from './pg-cluster.ts';

/**
 * A device as the sync engine behaves: it keeps each batch until the server answers it (a 5xx or a
 * cut connection means "send it again"), and forgets an envelope only once it is stored or a duplicate.
 */
class Device {
  readonly acked = new Set<string>();
  readonly sent = new Set<string>();
  failures = 0;
  private pending: Envelope[] = [];

  constructor(
    private readonly server: TestServer,
    readonly enrolment: EnrollResponse,
  ) {}

  /** One sync attempt: sends what is pending (new envelopes when nothing is). */
  async step(): Promise<void> {
    if (this.pending.length === 0) this.pending = await Promise.all(Array.from({ length: 4 }, async () => (await testEnvelope(this.enrolment.serverKey)).envelope));
    for (const e of this.pending) this.sent.add(e.id);
    let status = 0;
    let results: { id: string; status: string }[] = [];
    try {
      const r = await this.server.submit(this.enrolment.token, { submissions: this.pending });
      status = r.status;
      results = r.json?.results ?? [];
    } catch {
      status = 0;
    }
    if (status !== 200) {
      // The contract: 5xx (or no answer) keeps everything for a resend. Anything else here is a bug.
      expect(status === 0 || status >= 500, `unexpected status ${status}`).toBe(true);
      this.failures++;
      await new Promise((r) => setTimeout(r, 50));
      return;
    }
    const done = new Set(results.filter((x) => x.status === 'stored' || x.status === 'duplicate').map((x) => x.id));
    expect(results.every((x) => x.status === 'stored' || x.status === 'duplicate')).toBe(true);
    for (const id of done) this.acked.add(id);
    this.pending = this.pending.filter((e) => !done.has(e.id));
  }

  get idle(): boolean {
    return this.pending.length === 0;
  }
}

describe.runIf(pgAvailable())('PostgreSQL failover with a synchronous standby', () => {
  let pair: PgReplicaPair;
  let server: TestServer;
  let dir: string;
  let databaseUrl: string;

  beforeAll(async () => {
    pair = await startPgReplicaPair();
    databaseUrl = await pair.createDatabase();
    dir = mkdtempSync(join(tmpdir(), 'kiosk-failover-'));
    server = await startTestServer({ databaseUrl, dir });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await pair?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged submission and stores none twice when the primary dies mid-stream and the standby is promoted', async () => {
    const devices = await Promise.all(['Kiosk A', 'Kiosk B', 'Kiosk C', 'Tablet D'].map(async (name) => new Device(server, await server.enroll(name))));
    let phase: 'before' | 'failover' | 'after' | 'drain' = 'before';
    const streams = devices.map(async (d) => {
      while (phase !== 'drain' || !d.idle) await d.step();
    });
    const ackedTotal = () => devices.reduce((n, d) => n + d.acked.size, 0);

    await expect.poll(ackedTotal, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
    const ackedBeforeCrash = ackedTotal();
    phase = 'failover';
    pair.crashPrimary();
    // Requests now fail (5xx): the devices keep their batches.
    await expect.poll(() => devices.reduce((n, d) => n + d.failures, 0), { timeout: 60_000 }).toBeGreaterThan(0);
    pair.promoteStandby();
    phase = 'after';
    // The server finds the new primary by itself and the streams go on.
    await expect.poll(ackedTotal, { timeout: 90_000 }).toBeGreaterThanOrEqual(ackedBeforeCrash + 40);
    phase = 'drain';
    await Promise.all(streams);

    // On the new primary (the former standby), alone: every acknowledged submission, each once.
    const client = new pg.Client({ connectionString: pair.urlOn(pair.standbyPort, new URL(databaseUrl.replace(/,[^/]*/, '')).pathname.slice(1)) });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string; n: string }>('SELECT id, count(*) AS n FROM submissions GROUP BY id');
      const stored = new Map(rows.map((r) => [r.id, Number(r.n)]));
      const acked = devices.flatMap((d) => [...d.acked]);
      const sent = new Set(devices.flatMap((d) => [...d.sent]));
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
      expect([...stored.values()].every((n) => n === 1)).toBe(true);
      // Nothing stored that no device sent, and after the drain every sent envelope was acknowledged.
      expect([...stored.keys()].filter((id) => !sent.has(id))).toEqual([]);
      expect(acked.length).toBe(sent.size);
      expect(stored.size).toBe(sent.size);
      expect((await client.query('SELECT pg_is_in_recovery() AS standby')).rows[0].standby).toBe(false);
    } finally {
      await client.end();
    }
    expect((await server.request('/api/health')).json).toEqual({ ok: true, storage: 'postgres' });
  }, 240_000);
});
