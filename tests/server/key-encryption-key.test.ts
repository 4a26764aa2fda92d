import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatedKekPath, parseKek, resolveKek } from '#server/crypto/key-encryption-key.ts';
import { startTestServer } from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-kek-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** main.ts as `npm run serve` starts it, configured only by the environment; answers its exit code and output. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: join(dir, 'data'), ENROLLMENT_CODE: 'KEK-TEST-CODE-2468-ACEG', ADMIN_USERNAME: '', ADMIN_PASSWORD: '', DATABASE_URL: '', KEY_ENCRYPTION_KEY: '', KEY_ENCRYPTION_KEY_FILE: '', NODE_ENV: '', ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('the key-encryption key', () => {
  it('is 32 bytes of base64; anything else is refused saying what is wrong', () => {
    const good = randomBytes(32);
    expect(parseKek(good.toString('base64'), 'KEY_ENCRYPTION_KEY').equals(good)).toBe(true);
    expect(parseKek(`${good.toString('base64url')}\n`, 'KEY_ENCRYPTION_KEY').equals(good)).toBe(true);
    expect(() => parseKek(randomBytes(16).toString('base64'), 'KEY_ENCRYPTION_KEY')).toThrow(/decodes to 16 bytes; it must be exactly 32/);
    expect(() => parseKek('correct horse battery staple', 'KEY_ENCRYPTION_KEY')).toThrow(/is not base64/);
    expect(() => parseKek('  ', 'KEY_ENCRYPTION_KEY')).toThrow(/is empty/);
    expect(() => resolveKek({ key: good.toString('base64'), file: '/x', dataDir: dir })).toThrow(/not both/);
  });

  it('can come from a file (KEY_ENCRYPTION_KEY_FILE)', () => {
    const key = randomBytes(32);
    writeFileSync(join(dir, 'kek'), `${key.toString('base64')}\n`, { mode: 0o600 });
    expect(resolveKek({ file: join(dir, 'kek'), dataDir: join(dir, 'data') }).key.equals(key)).toBe(true);
    expect(() => resolveKek({ file: join(dir, 'missing'), dataDir: dir })).toThrow(/Cannot read KEY_ENCRYPTION_KEY_FILE/);
  });

  it('is required in production: the server refuses to start without one, with a clear message and no stack trace', async () => {
    const { code, output } = await runMain({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toContain('The server did not start: NODE_ENV=production needs a key-encryption key: set KEY_ENCRYPTION_KEY');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('"msg":"listening"');
  }, 60_000);

  it('is generated for a laptop start into a 0600 file beside the data directory, and the log says where, never what', async () => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', DATA_DIR: join(dir, 'data'), ENROLLMENT_CODE: 'KEK-TEST-CODE-2468-ACEG', ADMIN_USERNAME: '', ADMIN_PASSWORD: '', DATABASE_URL: '', KEY_ENCRYPTION_KEY: '', KEY_ENCRYPTION_KEY_FILE: '', NODE_ENV: '' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      for (let i = 0; i < 1200 && !output.includes('"msg":"listening"') && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
      expect(output).toContain('"msg":"listening"');
      const path = generatedKekPath(join(dir, 'data'));
      expect(output).toContain(`"msg":"key_encryption_key_generated","path":${JSON.stringify(path)}`);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const key = readFileSync(path, 'utf8').trim();
      expect(parseKek(key, path)).toHaveLength(32);
      expect(output).not.toContain(key);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);

  it('must be the one the keys were sealed with: a wrong one stops the server with a clear message, not a stack trace', async () => {
    const right = randomBytes(32).toString('base64');
    const server = await startTestServer({ dir, keyEncryption: { key: right } });
    await server.enroll();
    await server.close();
    const wrong = randomBytes(32).toString('base64');
    await expect(startTestServer({ dir, keyEncryption: { key: wrong } })).rejects.toThrow(/The key-encryption key does not open the server key/);
    const { code, output } = await runMain({ KEY_ENCRYPTION_KEY: wrong, NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toContain('The server did not start: The key-encryption key does not open the server key');
    expect(output).not.toMatch(/^\s+at /m);
    // The right key still opens everything.
    const again = await startTestServer({ dir, keyEncryption: { key: right } });
    await again.close();
  }, 60_000);
});
