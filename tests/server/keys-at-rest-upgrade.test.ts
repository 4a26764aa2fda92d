import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CPR_IN_NOTE, expectNothingSecret, filesUnder, NOTE } from './at-rest.ts';
import { startTestServer } from './harness.ts';
import { oldInstallationIn } from './old-installation.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as the version before this one left it: the private key and a note in plain text. */
async function oldInstallation(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const file = new BetterSqlite3(join(dataDir, 'kiosk.sqlite'));
  file.pragma('journal_mode = WAL');
  return oldInstallationIn(new Kysely<any>({ dialect: new SqliteDialect({ database: file }) }));
}

describe('upgrading an installation that kept its key and notes in plain text', () => {
  it('seals both on the first start: the plain bytes are gone from the files, staff still read everything', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-upgrade-'));
    const dataDir = join(dir, 'data');
    const old = await oldInstallation(dataDir);
    const before = Buffer.concat(filesUnder(dataDir).map((f) => readFileSync(f)));
    expect(before.includes(Buffer.from(old.privateJwk.d!))).toBe(true);

    const kek = randomBytes(32);
    const server = await startTestServer({ dir, keyEncryption: { key: kek.toString('base64') } });
    const cookie = await server.login();
    const detail = await server.staff(cookie, `/submissions/${old.id}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.json.payload.data.name).toBe('Anne Jensen');
    expect(detail.json.history.map((e: { note: string | null }) => e.note)).toContain(`${NOTE} ${CPR_IN_NOTE}`);
    await server.close();

    const secrets = { text: ['d', 'p', 'q', 'dp', 'dq', 'qi'].map((m) => old.privateJwk[m]!), bytes: ['d', 'p', 'q'].map((m) => Buffer.from(old.privateJwk[m]!, 'base64url')) };
    for (const file of filesUnder(dataDir)) expectNothingSecret(file, readFileSync(file), secrets, kek);
  }, 60_000);

  it('refuses to start without a key-encryption key it could seal them with, saying so', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-upgrade-'));
    await oldInstallation(join(dir, 'data'));
    await expect(startTestServer({ dir, keyEncryption: { production: true } })).rejects.toThrow(/NODE_ENV=production needs a key-encryption key/);
  }, 60_000);
});
