import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../e2e/support/server-process.ts';
import { keyCopies } from '#server/crypto/server-key.ts';
import { envelopeOpenCost } from './envelope-open.ts';
import { startBenchPg } from './lib/postgres.ts';
import type { Figure } from './lib/results.ts';
import { BENCH_ENROLMENT_CODE, bundled, repoRoot, startServerChild, type ServerChild } from './lib/server.ts';
import { median, round } from './lib/stats.ts';

/**
 * Figure 4, server ingest: envelopes/s stored (schema check, ECDH + HKDF for the key-agreement
 * envelopes the load generator seals as devices now do, AES-GCM decrypt,
 * payload validation, insert), by the real server (lib/server-entry.ts: rate limits lifted, since
 * one load generator stands in for many kiosks; bundled and run as `npm start` runs the server,
 * lib/server.ts), with the load generator (lib/loadgen.ts) in a
 * process of its own. One process on SQLite, one and two on PostgreSQL; the limit is a bare Node
 * handler inserting the same rows (lib/bare-server.ts). Also the cost of the private-key operation
 * the server pays per envelope (RSA-OAEP-3072), and of its alternatives (rsaCost below).
 */
export async function ingest(options: { count: number; seconds: number }): Promise<Figure[]> {
  const figures: Figure[] = [...(await rsaCost())];
  const load = (urls: string[], bare = false) =>
    loadgen({ urls, count: options.count, inFlight: 4, seconds: options.seconds, bare, code: BENCH_ENROLMENT_CODE });

  const sqlite = await withServers([{ entry: 'bench' }], (urls) => load(urls));
  figures.push(rate('1 process, SQLite', sqlite, '>= 3,000/s'), cpuPerEnvelope('1 process, SQLite', sqlite), mainThreadPerEnvelope('1 process, SQLite', sqlite));

  const bare = await withBare('envelope', (url) => load([url], true));
  figures.push(rate('bare Node handler, SQLite (the limit)', bare, undefined, 'HTTP + JSON + the same two inserts, one transaction (one fsync) per envelope like the server'));
  const grouped = await withBare('batch', (url) => load([url], true));
  figures.push(rate('bare Node handler, one transaction per batch of 100', grouped, undefined, 'group commit: one fsync per request; the headroom a batched insert would open'));
  figures.push({ group: 'ingest', name: 'server / bare handler (SQLite)', value: round(sqlite.perSecond / bare.perSecond, 2), unit: '×', note: 'what auth, schema, decryption and validation cost on top of HTTP + JSON + the same inserts' });
  const toGrouped = sqlite.perSecond / grouped.perSecond;
  figures.push({
    group: 'ingest',
    name: 'server / group-commit bare handler (SQLite)',
    value: round(toGrouped, 2),
    unit: '×',
    goal: '>= 0.25×',
    met: toGrouped >= 0.25,
    note: 'both with one transaction (one fsync) per batch, measured in this run; on a loaded machine both move, so compare runs at a similar load',
  });

  const pg = await startBenchPg();
  try {
    const one = await withServers([{ entry: 'bench', databaseUrl: pg.databaseUrl }], (urls) => load(urls));
    figures.push(rate('1 process, PostgreSQL', one), cpuPerEnvelope('1 process, PostgreSQL', one, ' (PostgreSQL\'s own CPU not counted)'));
    // The second starts after the first has made the server key, so both hold the same one.
    const two = await withServers([{ entry: 'bench', databaseUrl: pg.databaseUrl }, { entry: 'bench', databaseUrl: pg.databaseUrl }], (urls) => load(urls));
    figures.push(rate('2 processes, PostgreSQL', two, undefined, `${round(two.perSecond / one.perSecond, 2)}× one process; requests round-robin`));
  } finally {
    await pg.stop();
  }
  return figures;
}

interface LoadResult { stored: number; ms: number; perSecond: number; statuses: Record<string, number>; serverCpuMs?: number; mainThreadCpuMs?: number }

/**
 * The server processes' CPU time per stored envelope (user + system, from /proc, over the whole
 * load including the load generator's 4 enrolments): it moves far less than envelopes/s with what
 * else runs on the machine (contention still inflates it somewhat), so it says what one core ingests.
 */
function cpuPerEnvelope(name: string, r: LoadResult, note = ''): Figure {
  const ms = (r.serverCpuMs ?? Number.NaN) / r.stored;
  return { group: 'ingest', name: `${name}: server CPU per envelope`, value: round(ms, 2), unit: 'ms', note: `→ about ${Math.round(1000 / ms)} envelopes/s per fully used core${note}` };
}

/**
 * The servers' main threads' CPU time per stored envelope: everything but the key agreement (on
 * worker threads) and the libuv pool runs there, one core at most, so it bounds what one process
 * ingests however many cores the machine has.
 */
function mainThreadPerEnvelope(name: string, r: LoadResult): Figure {
  const ms = (r.mainThreadCpuMs ?? Number.NaN) / r.stored;
  return { group: 'ingest', name: `${name}: main thread CPU per envelope`, value: round(ms, 3), unit: 'ms', note: `→ at most about ${Math.round(1000 / ms)} envelopes/s per process, whatever the cores` };
}

/** CPU time (user + system) a process (or with `thread`, one of its threads) has used so far, in ms; Linux only (NaN elsewhere). */
function cpuMs(pid: number, thread?: number): number {
  try {
    const fields = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // Fields 14 and 15 of stat(5) (utime, stime), counted after the command name: indexes 11 and 12.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

function rate(name: string, r: LoadResult, goal?: string, note?: string): Figure {
  const met = goal ? r.perSecond >= 3000 : undefined;
  return { group: 'ingest', name, value: Math.round(r.perSecond), unit: 'envelopes/s', goal, met, quiet: true, note: note ?? `${r.stored} stored in ${round(r.ms / 1000, 1)} s, 4 batches of 100 in flight` };
}

/** Starts the servers one after another, runs the load on their URLs, adds the servers' CPU time to its result, stops them. */
async function withServers(specs: Parameters<typeof startServerChild>[0][], work: (urls: string[]) => Promise<LoadResult>): Promise<LoadResult> {
  const servers: ServerChild[] = [];
  try {
    for (const spec of specs) servers.push(await startServerChild(spec));
    const cpu = () => servers.reduce((sum, s) => sum + cpuMs(s.pid), 0);
    // A process's main thread has the process's own id as its thread id.
    const main = () => servers.reduce((sum, s) => sum + cpuMs(s.pid, s.pid), 0);
    const before = cpu();
    const mainBefore = main();
    const result = await work(servers.map((s) => s.url));
    return { ...result, serverCpuMs: cpu() - before, mainThreadCpuMs: main() - mainBefore };
  } finally {
    for (const s of servers) await s.stop();
  }
}

async function withBare<T>(commit: 'envelope' | 'batch', work: (url: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-bare-'));
  const child = spawn(process.execPath, ['--enable-source-maps', await bundled('tests/bench/lib/bare-server.ts')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, BARE_COMMIT: commit } });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; !(await fetch(url, { method: 'POST', body: '{"submissions":[]}' }).then(() => true, () => false)); i++) {
      if (i > 300) throw new Error('ingest: the bare handler did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await work(url);
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function loadgen(job: { urls: string[]; count: number; inFlight: number; seconds: number; bare: boolean; code: string }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'tests/bench/lib/loadgen.ts', JSON.stringify(job)], { cwd: repoRoot, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`ingest: the load generator failed: ${stderr.split('\n').find((l) => /Error|Exception/.test(l)) ?? error.message}`, { cause: stderr }));
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
      const sent = Object.values(result.statuses).reduce((a, b) => a + b, 0);
      if (result.stored !== sent) return reject(new Error(`ingest: not every envelope was stored: ${JSON.stringify(result.statuses)}`));
      resolve(result);
    });
  });
}

/**
 * The server's per-envelope private-key operation and what it would cost otherwise. RSA-OAEP
 * (SHA-256) decrypt of a wrapped 32-byte key, as src/server/crypto/open-envelope.ts does per
 * envelope: one at a time (latency); 64 at once with ONE CryptoKey (Node runs WebCrypto jobs on the
 * libuv pool but locks the key during an RSA operation, so they queue); 64 at once over the
 * keyring's copies (src/server/crypto/server-key.ts: what the server does). The same for 2048 bits,
 * and the whole open of an RSA envelope beside a key-agreement one (envelope-open.ts).
 */
export async function rsaCost(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const bits of [3072, 2048]) {
    const { publicKey, privateKey } = await crypto.subtle.generateKey(
      { name: 'RSA-OAEP', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['encrypt', 'decrypt'],
    );
    const jwk = await crypto.subtle.exportKey('jwk', privateKey);
    const copies = await Promise.all(Array.from({ length: keyCopies() }, () => crypto.subtle.importKey('jwk', jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt'])));
    const wrapped = await Promise.all(Array.from({ length: 64 }, () => crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, crypto.getRandomValues(new Uint8Array(32)))));
    const one: number[] = [];
    for (const w of wrapped) {
      const started = performance.now();
      await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, w);
      one.push(performance.now() - started);
    }
    const perSecond = async (keys: CryptoKey[]) => {
      const started = performance.now();
      await Promise.all(wrapped.map((w, i) => crypto.subtle.decrypt({ name: 'RSA-OAEP' }, keys[i % keys.length]!, w)));
      return Math.round(wrapped.length / ((performance.now() - started) / 1000));
    };
    const single = await perSecond([privateKey]);
    const spread = await perSecond(copies);
    const name = `RSA-OAEP-${bits} decrypt`;
    const role = bits === 3072 ? 'the server key' : 'the alternative: NIST SP 800-57 rates 2048 bits only to 2030';
    figures.push(
      { group: 'ingest', name: `${name}, one at a time (median of 64)`, value: round(median(one), 2), unit: 'ms', quiet: true, note: `${role}; → at most ${Math.round(1000 / median(one))}/s on one thread` },
      { group: 'ingest', name: `${name}, 64 at once, one CryptoKey`, value: single, unit: '/s', quiet: true, note: 'Node locks the key during each RSA operation: they queue' },
      { group: 'ingest', name: `${name}, 64 at once, ${copies.length} key copies (the server)`, value: spread, unit: '/s', quiet: true, note: `${round(spread / single, 2)}× one CryptoKey: the pool uses every core` },
    );
  }
  // The key-agreement envelope the devices now seal new work with, opened whole beside an RSA one.
  figures.push(...(await envelopeOpenCost()));
  return figures;
}
