import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Production runs JavaScript: `npm start` builds, then runs the built server with plain `node`.
 * The app build (Vite) is left out to keep this cheap: the test builds the server as `npm run
 * build` does, starts it as `npm start` does after building, and reads the process tree.
 */
const root = new URL('../..', import.meta.url).pathname;
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
let dir: string;

/** Every process below `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (p: number) => {
    for (const [child, parent] of parents) if (parent === p) (found.push(child), visit(child));
  };
  visit(pid);
  return found;
}

const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
const nodeOptions = (pid: number) => (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').find((v) => v.startsWith('NODE_OPTIONS=')) ?? '');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-start-'));
  execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'ignore' });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('builds the server with the app and then runs the built server', () => {
    expect(scripts.build).toContain('npm run build:server');
    expect(scripts.start).toBe(`npm run build && ${scripts.serve}`);
    // exec: the shell npm starts hands over to node, so SIGTERM and Ctrl+C reach the server.
    expect(scripts.serve).toMatch(/^exec node .*build\/server\/main\.js$/);
  });

  it.runIf(process.platform === 'linux')('serves with plain node: no tsx anywhere in its process tree', async () => {
    const { NODE_OPTIONS: _drop, ...env } = process.env;
    const npm = spawn('npm', ['run', 'serve'], {
      cwd: root,
      env: { ...env, PORT: '0', DATA_DIR: join(dir, 'data'), ENROLLMENT_CODE: 'START-TEST-CODE-2468-ACEG', KEY_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'), DATABASE_URL: '', ADMIN_USERNAME: '', ADMIN_PASSWORD: '', KIOSK_CONFIG: '' },
    });
    let output = '';
    npm.stdout.on('data', (d) => (output += d));
    npm.stderr.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => npm.once('exit', resolve));
    try {
      for (let i = 0; i < 1200 && !/"msg":"listening"/.test(output) && npm.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
      const port = /"msg":"listening","url":"http:\/\/localhost:(\d+)"/.exec(output)?.[1];
      expect(port, output).toBeTruthy();
      // The built server finds dist/'s fallback, the default municipality configuration and its API.
      expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toEqual({ ok: true, storage: 'sqlite' });
      expect((await (await fetch(`http://127.0.0.1:${port}/config.json`)).json()).municipality.name).toEqual(expect.any(String));

      const tree = [npm.pid!, ...descendants(npm.pid!)];
      const lines = tree.map((pid) => `${pid}: ${cmdline(pid)} ${nodeOptions(pid)}`);
      expect(lines.some((l) => /node .*build\/server\/main\.js/.test(l)), lines.join('\n')).toBe(true);
      for (const line of lines) expect(line).not.toMatch(/tsx/);
    } finally {
      for (const pid of descendants(npm.pid!)) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Gone already.
        }
      }
      npm.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
