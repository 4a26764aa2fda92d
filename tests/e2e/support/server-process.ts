import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import Database from 'better-sqlite3';

/**
 * The real sync server as a child process (`npx tsx src/server/main.ts`), so a test can kill it
 * with SIGKILL in the middle of a batch, as a power cut would, and start it again on the same
 * data directory and port. Not the shared webServer of tests/playwright.config.ts.
 */

export const SERVER_ENROLMENT_CODE = 'OUTBOX-E2E-5RNV-8HJC-2WDY';
export const SERVER_ADMIN = { username: 'outbox-admin', password: 'outbox-e2e-admin-password' };

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A free TCP port on loopback (asked of the OS, then released for the caller to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private stderr = '';
  /** How many times the server was started (1 after start()). */
  starts = 0;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    /** More environment for the server (e.g. OIDC_*), over the defaults below. */
    readonly extraEnv: Record<string, string> = {},
  ) {}

  static async start(options: { env?: Record<string, string>; port?: number } = {}): Promise<ServerProcess> {
    const server = new ServerProcess(options.port ?? (await freePort()), mkdtempSync(join(tmpdir(), 'kiosk-outbox-e2e-')), options.env);
    await server.start();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the server on this port and data directory and waits until /api/health answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error('server-process: already running');
    this.stderr = '';
    // detached: npx → tsx → node is a tree of processes; the group id lets kill() reach all of them.
    const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        ENROLLMENT_CODE: SERVER_ENROLMENT_CODE,
        ENROLLMENT_CODE_HOURS: '168',
        ENROLLMENT_CODE_MAX_USES: '100000',
        ADMIN_USERNAME: SERVER_ADMIN.username,
        ADMIN_PASSWORD: SERVER_ADMIN.password,
        // Tests sign the admin in through the API many times a minute; a test that needs the gate passes `required`.
        ADMIN_SECOND_FACTOR: 'optional',
        ...this.extraEnv,
      },
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child = child;
    this.starts++;
    let exited = false;
    child.once('exit', () => (exited = true));
    await expect
      .poll(
        async () => {
          if (exited) throw new Error(`server-process: the server exited while starting:\n${this.stderr}`);
          return fetch(`${this.url}/api/health`).then((r) => r.ok, () => false);
        },
        { timeout: 30_000, intervals: [100, 200] },
      )
      .toBe(true);
  }

  /**
   * How many of these envelope ids the server has committed, read from its SQLite file directly
   * (WAL lets a reader in while the server writes): to kill it while a batch is half stored.
   */
  committedCount(ids: string[]): number {
    const db = new Database(join(this.dataDir, 'kiosk.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare(`SELECT count(*) AS n FROM submissions WHERE id IN (${ids.map(() => '?').join(',')})`).get(...ids) as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  }

  /** SIGKILL to the whole process group: no shutdown handler runs, like a power cut. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
    // The group leader (npx) may exit before its node child lets go of the port.
    await expect.poll(() => portAccepts(this.port), { timeout: 10_000, intervals: [50, 100] }).toBe(false);
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** Kills the server and deletes its data directory. */
  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
