import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** main.ts as `npm run serve:dev` runs it under tsx (`npm start` runs the same file built): a real process, configured only by the environment. */
const root = new URL('../..', import.meta.url).pathname;
let dir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-main-'));
});
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: join(dir, 'data'), ENROLLMENT_CODE: '', ADMIN_USERNAME: '', ADMIN_PASSWORD: '', KIOSK_CONFIG: '', DATABASE_URL: '', ...env },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 400 && !pattern.test(output); i++) await new Promise((r) => setTimeout(r, 50));
    return pattern.exec(output);
  };
  return { output: () => output, exited, waitFor };
}

describe('src/server/main.ts', () => {
  it('prints no enrolment code, serves, and stops cleanly on SIGTERM', async () => {
    const p = start({});
    const listening = await p.waitFor(/"msg":"listening","url":"http:\/\/localhost:(\d+)"/);
    expect(listening, p.output()).toBeTruthy();
    // Not a terminal: no set-up code is made or shown, and no code ever reaches the log.
    expect(p.output()).not.toMatch(/\w{4}-\w{4}-\w{4}-\w{4}/);
    const health = await fetch(`http://127.0.0.1:${listening![1]}/api/health`);
    expect(await health.json()).toEqual({ ok: true, storage: 'sqlite' });
    child!.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('"msg":"stopping","signal":"SIGTERM"');
  }, 30_000);

  it('refuses to start with a bad KIOSK_CONFIG and names the bad fields', async () => {
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ municipality: { name: 'X', phone: 'call us' } }));
    const p = start({ KIOSK_CONFIG: config });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('The server did not start');
    expect(p.output()).toContain('municipality.phone');
    expect(p.output()).toContain('openingHours');
  }, 30_000);
});
