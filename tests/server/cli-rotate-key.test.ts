import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_KEK, type TestServer } from './harness.ts';

/** `cli.ts rotate-server-key` as an operator runs it, beside a running server on the same SQLite file. */
const root = new URL('../..', import.meta.url).pathname;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ keyRefreshMs: 0 });
}, 60_000);
afterAll(() => server?.close());

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: join(server.dir, 'data'), DATABASE_URL: '', KEY_ENCRYPTION_KEY: '', KEY_ENCRYPTION_KEY_FILE: '', NODE_ENV: '', ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('cli.ts rotate-server-key', () => {
  it('makes a new key current, which the running server hands to the next device', async () => {
    const before = (await server.enroll('Kiosk A')).serverKey.kid;
    const { code, output } = await cli(['rotate-server-key'], { KEY_ENCRYPTION_KEY: TEST_KEK.toString('base64') });
    expect(code, output).toBe(0);
    const kid = /New server key (\S+) is current; (\S+) is kept/.exec(output);
    expect(kid?.[2]).toBe(before);
    expect((await server.enroll('Kiosk B')).serverKey.kid).toBe(kid?.[1]);
    expect(output).not.toMatch(/"d"|PRIVATE KEY/);
  }, 60_000);

  it('refuses with a clear message, changing nothing, when the KEK is not the one the keys were sealed with', async () => {
    const current = (await server.enroll('Kiosk C')).serverKey.kid;
    const { code, output } = await cli(['rotate-server-key'], { KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    expect(code).toBe(1);
    expect(output).toContain('does not open the server key');
    expect(output).not.toMatch(/^\s+at /m);
    expect((await server.enroll('Kiosk D')).serverKey.kid).toBe(current);
  }, 60_000);
});
