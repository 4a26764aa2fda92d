import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../e2e/support/server-process.ts';
import { findPgBin, PG_SKIP_MESSAGE } from '../../server/pg-cluster.ts';

export interface BenchPg {
  databaseUrl: string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** initdb and pg_ctl refuse root: as root they run as the `postgres` user, as tests/server/pg-cluster.ts does. */
function run(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

/**
 * A throwaway PostgreSQL cluster, the approach of tests/server/pg-cluster.ts with one difference
 * that matters here: durability stays ON (fsync, synchronous_commit, full_page_writes: the
 * defaults). The test helper turns them off for speed, and sets them on pg_ctl's command line,
 * where ALTER SYSTEM cannot undo them; a bench comparing with SQLite at synchronous=FULL must not
 * let PostgreSQL skip the flush that a `stored` answer promises the device.
 */
export async function startBenchPg(): Promise<BenchPg> {
  const bin = findPgBin();
  if (!bin) throw new Error(PG_SKIP_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) execFileSync('chown', ['-R', 'postgres', dir]);
  chmodSync(dir, 0o700);
  const port = await freePort();
  try {
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
    // max_connections: two server processes with a pg pool each, plus the bench's own client.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE kiosk_bench');
    await admin.end();
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl: `postgres://postgres@127.0.0.1:${port}/kiosk_bench`, stop };
}
