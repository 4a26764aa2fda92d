import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, Envelope, SealedPayload } from '#contract/v1.ts';
import { REPO_ROOT } from './child-server.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

const run = promisify(execFile);
/** The operator's command line: `npx tsx src/server/cli.ts …`, as a child process. */
const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });

interface Acked {
  id: string;
  payload: SealedPayload;
  envelope: Envelope;
  device: EnrollResponse;
}

/** Devices keep submitting until stop(); `acked` holds every submission the server answered `stored`. */
function ingestLoad(server: TestServer, devices: EnrollResponse[]) {
  const acked: Acked[] = [];
  let stopping = false;
  const loops = devices.map(async (device) => {
    while (!stopping) {
      const batch = await Promise.all(Array.from({ length: 5 }, () => testEnvelope(device.serverKey)));
      const r = await server.submit(device.token, { submissions: batch.map((b) => b.envelope) });
      expect(r.status).toBe(200);
      r.json.results.forEach((result: { status: string }, i: number) => {
        if (result.status === 'stored') acked.push({ id: batch[i]!.envelope.id, payload: batch[i]!.payload, envelope: batch[i]!.envelope, device });
      });
    }
  });
  return {
    acked,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

/** Staff read every one of them on `server`, decrypted, with the answers the citizen gave. */
async function expectReadable(server: TestServer, acked: Acked[]): Promise<void> {
  const cookie = await server.login();
  for (const a of acked) {
    const r = await server.staff(cookie, `/submissions/${a.id}`);
    expect(r.status, a.id).toBe(200);
    expect(r.json.payload.data).toEqual(a.payload.data);
    expect(r.json.reference).toBe(a.payload.reference);
  }
}

/** The devices' tokens and the server key came along: a device resending is recognised, not stored twice. */
async function expectResendIsDuplicate(server: TestServer, a: Acked): Promise<void> {
  const r = await server.submit(a.device.token, { submissions: [a.envelope] });
  expect(r.status).toBe(200);
  expect(r.json.results[0].status).toBe('duplicate');
}

describe('SQLite backup and restore', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'kiosk-backup-'));
    dirs.push(d);
    return d;
  };
  let source: TestServer;
  afterAll(async () => {
    await source?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('backs up under ingest load; the restored store has every request acknowledged before the backup, readable by staff', async () => {
    source = await startTestServer({ dir: dir() });
    const devices = await Promise.all([source.enroll('Kiosk A'), source.enroll('Kiosk B'), source.enroll('Kiosk C')]);
    const load = ingestLoad(source, devices);
    await expect.poll(() => load.acked.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(30);
    const ackedBefore = [...load.acked];
    const backups = dir();
    const file = join(backups, 'kiosk-backup.sqlite');
    const backup = await cli(['backup-sqlite', file], { DATA_DIR: join(source.dir, 'data') });
    const ackedDuring = load.acked.length - ackedBefore.length;
    await load.stop();
    expect(backup.stdout).toMatch(/Backed up \d+ submissions .*integrity checked/);
    // The load really ran while the backup was taken.
    expect(ackedDuring).toBeGreaterThan(0);
    expect(existsSync(`${file}.partial`)).toBe(false);

    // Never over an existing file.
    await expect(cli(['backup-sqlite', file], { DATA_DIR: join(source.dir, 'data') })).rejects.toMatchObject({ stderr: expect.stringMatching(/exists already/) });

    const restoredDir = dir();
    const restore = await cli(['restore-sqlite', file, join(restoredDir, 'data')], {});
    expect(restore.stdout).toMatch(/Restored \d+ submissions/);
    // Never over an existing store.
    await expect(cli(['restore-sqlite', file, join(restoredDir, 'data')], {})).rejects.toMatchObject({ stderr: expect.stringMatching(/exists already/) });

    const restored = await startTestServer({ dir: restoredDir });
    try {
      await expectReadable(restored, ackedBefore);
      await expectResendIsDuplicate(restored, ackedBefore[0]!);
    } finally {
      await restored.close();
    }
  }, 240_000);

  it('refuses to restore a damaged file, naming it', { timeout: 60_000 }, async () => {
    const d = dir();
    const bad = join(d, 'bad.sqlite');
    writeFileSync(bad, 'this is not a database');
    await expect(cli(['restore-sqlite', bad, join(d, 'data')], {})).rejects.toMatchObject({ stderr: expect.stringContaining('bad.sqlite') });
    expect(existsSync(join(d, 'data', 'kiosk.sqlite'))).toBe(false);
  });
});

describe.runIf(pgAvailable())('moving a SQLite installation to PostgreSQL', () => {
  let cluster: PgCluster;
  const dirs: string[] = [];
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('copies everything into an empty database, and refuses a database that is not empty', async () => {
    const d = mkdtempSync(join(tmpdir(), 'kiosk-migrate-'));
    dirs.push(d);
    const sqlite = await startTestServer({ dir: d });
    const devices = await Promise.all([sqlite.enroll('Kiosk A'), sqlite.enroll('Tablet B')]);
    const load = ingestLoad(sqlite, devices);
    await expect.poll(() => load.acked.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
    await load.stop();
    await sqlite.close();

    const databaseUrl = await cluster.createDatabase();
    const moved = await cli(['migrate-to-postgres'], { DATA_DIR: join(d, 'data'), DATABASE_URL: databaseUrl });
    expect(moved.stdout).toContain(`submissions ${load.acked.length}`);
    await expect(cli(['migrate-to-postgres'], { DATA_DIR: join(d, 'data'), DATABASE_URL: databaseUrl })).rejects.toMatchObject({ stderr: expect.stringMatching(/not empty/) });

    const pg = await startTestServer({ databaseUrl, dir: mkdtempSync(join(tmpdir(), 'kiosk-migrated-')) });
    try {
      expect((await pg.request('/api/health')).json).toEqual({ ok: true, storage: 'postgres' });
      await expectReadable(pg, load.acked);
      await expectResendIsDuplicate(pg, load.acked[0]!);
    } finally {
      await pg.close();
    }
  }, 240_000);
});
