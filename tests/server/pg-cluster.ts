import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster from the machine's binaries, for one test file: initdb into a temp
 * dir, start on a free port with the socket in that dir, and remove it all on stop. initdb refuses
 * to run as root, so as root the cluster belongs to the `postgres` user and runs through runuser.
 */
export const PG_SKIP_MESSAGE = 'PostgreSQL tests skipped: no initdb found under /usr/lib/postgresql/*/bin (apt-get install postgresql)';

export interface PgCluster {
  /** postgres://… of a fresh database; each call creates another, so tests do not share state. */
  createDatabase(): Promise<string>;
  /** Stops the server hard (as a crash would), keeping the data: to see how the app behaves without its database. */
  halt(): void;
  /** Starts it again after halt(), on the same port. */
  resume(): void;
  stop(): Promise<void>;
}

/** The newest installed PostgreSQL's bin directory, or undefined. */
export function findPgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

function run(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error(PG_SKIP_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) {
    execFileSync('chown', ['-R', 'postgres', dir]);
  }
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  // Nothing is flushed to disk (the cluster is deleted afterwards), but a commit is written out of
  // PostgreSQL's memory before it is answered (synchronous_commit stays on): halt() kills the
  // server as a crash would, and what was committed before must be there after resume(), as on a
  // real server. With it off, a commit of the last 600 ms could be lost, the server key among them.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);

  let n = 0;
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    async createDatabase() {
      const name = `kiosk_test_${process.pid}_${++n}`;
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    halt() {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    },
    resume() {
      run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
    },
    async stop() {
      try {
        if (existsSync(join(data, 'postmaster.pid'))) run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** For a test file's top level: the cluster binaries exist, or the reason the suite is skipped is printed. */
export function pgAvailable(): boolean {
  if (findPgBin()) return true;
  console.warn(PG_SKIP_MESSAGE);
  return false;
}


export interface PgReplicaPair {
  primaryPort: number;
  standbyPort: number;
  /** `postgres://…h1,h2/db?target_session_attrs=read-write` for a fresh database (made on the primary, streamed to the standby). */
  createDatabase(): Promise<string>;
  /** A plain URL of the same database on one host. */
  urlOn(port: number, database: string): string;
  /** Stops the primary hard, as a crash would (no shutdown checkpoint, clients cut). */
  crashPrimary(): void;
  /** Promotes the standby to primary and waits until it accepts writes. */
  promoteStandby(): void;
  stop(): Promise<void>;
}

/**
 * A primary with one SYNCHRONOUS standby (streaming replication): `synchronous_standby_names='*'`
 * and `synchronous_commit=on`, so a commit is acknowledged only once the standby has it on disk.
 * The standby is cloned with pg_basebackup -R (which writes its primary_conninfo).
 */
export async function startPgReplicaPair(): Promise<PgReplicaPair> {
  const bin = findPgBin();
  if (!bin) throw new Error(PG_SKIP_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pg-ha-'));
  if (isRoot()) execFileSync('chown', ['-R', 'postgres', dir]);
  const primary = join(dir, 'primary');
  const standby = join(dir, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const options = (port: number) =>
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c wal_level=replica`;
  run(join(bin, 'initdb'), ['-D', primary, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  run(join(bin, 'pg_ctl'), ['-D', primary, '-l', join(dir, 'primary.log'), '-o', options(primaryPort), '-w', 'start']);
  run(join(bin, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standby, '-R', '-X', 'stream', '--no-sync']);
  run(join(bin, 'pg_ctl'), ['-D', standby, '-l', join(dir, 'standby.log'), '-o', options(standbyPort), '-w', 'start']);

  const pg = (await import('pg')).default;
  const query = async (port: number, sql: string) => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
  // Set on the primary only (the standby's copy of the configuration is taken already): once
  // promoted, the standby runs alone and must not wait for a standby it does not have.
  await query(primaryPort, "ALTER SYSTEM SET synchronous_standby_names = '*'");
  await query(primaryPort, "ALTER SYSTEM SET synchronous_commit = 'on'");
  await query(primaryPort, 'SELECT pg_reload_conf()');
  // Until the standby streams as synchronous, a commit would not wait for it.
  for (let i = 0; ; i++) {
    const rows = await query(primaryPort, "SELECT sync_state FROM pg_stat_replication WHERE sync_state = 'sync'");
    if (rows.length > 0) break;
    if (i > 600) throw new Error('the standby never became synchronous');
    await new Promise((r) => setTimeout(r, 100));
  }

  let n = 0;
  const urlOn = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    primaryPort,
    standbyPort,
    urlOn,
    async createDatabase() {
      const name = `kiosk_ha_${process.pid}_${++n}`;
      await query(primaryPort, `CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${primaryPort},127.0.0.1:${standbyPort}/${name}?target_session_attrs=read-write`;
    },
    crashPrimary() {
      run(join(bin, 'pg_ctl'), ['-D', primary, '-m', 'immediate', '-w', 'stop']);
    },
    promoteStandby() {
      run(join(bin, 'pg_ctl'), ['-D', standby, '-w', 'promote']);
    },
    async stop() {
      try {
        for (const data of [primary, standby]) {
          if (existsSync(join(data, 'postmaster.pid'))) run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
