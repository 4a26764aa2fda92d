import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { freePort } from '../../e2e/support/server-process.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const BENCH_ENROLMENT_CODE = 'BENCH-ENROL-3F7K-Q9WM-2XTR';

export interface ServerChild {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerSpawnOptions {
  /**
   * 'production': src/server/main.ts exactly as `npm run serve` runs it (start-up, enqueue,
   * endurance). 'bench': lib/server-entry.ts, the same server with lifted rate limits and,
   * with `distDir`, the bench pages as its static files (drain, ingest).
   */
  entry: 'production' | 'bench';
  databaseUrl?: string;
  distDir?: string;
  /** Reuse a data directory (two processes on one PostgreSQL do not need one; SQLite does). */
  dataDir?: string;
}

const bundles = new Map<string, Promise<string>>();

/**
 * A server entry as `npm start` runs the server: one esbuild bundle with package.json's
 * `build:server` options, run by plain `node` (not through tsx's loader, which compiles each module
 * at start-up and wraps functions to keep their names, costs production never pays). Built once per
 * bench run, into build/bench/, so `--no-build` never measures a stale server.
 */
export function bundled(entry: string): Promise<string> {
  let made = bundles.get(entry);
  if (!made) {
    const outdir = join(repoRoot, 'build', 'bench');
    made = build({ entryPoints: [join(repoRoot, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning', outdir }).then(() =>
      join(outdir, basename(entry).replace(/\.ts$/, '.js')),
    );
    bundles.set(entry, made);
  }
  return made;
}

/**
 * Starts the sync server as a child process, as the kiosk's server runs in production (a Node
 * process of its own, from its bundle: the bench's own CPU use must not be counted as the
 * server's), and waits for /api/health.
 */
export async function startServerChild(options: ServerSpawnOptions): Promise<ServerChild> {
  const port = await freePort();
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const entry = options.entry === 'production' ? 'src/server/main.ts' : 'tests/bench/lib/server-entry.ts';
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', await bundled(entry)], {
    cwd: repoRoot,
    // stdout carries one JSON log line per request: the server still writes it (production cost), to /dev/null.
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      ENROLLMENT_CODE: BENCH_ENROLMENT_CODE,
      DATABASE_URL: options.databaseUrl ?? '',
      BENCH_DIST_DIR: options.distDir ?? '',
      ADMIN_USERNAME: '',
      ADMIN_PASSWORD: '',
      // One key-encryption key for every bench process: processes sharing PostgreSQL must share it.
      KEY_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (!gone) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) {
      await stop();
      throw new Error(`bench: the server (${entry}) exited while starting:\n${stderr}`);
    }
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`bench: the server (${entry}) did not answer /api/health in 60 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, port, pid: child.pid!, stop };
}
