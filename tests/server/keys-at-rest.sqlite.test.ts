import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generatedKekPath } from '#server/crypto/key-encryption-key.ts';
import type { StoredServerKey } from '#server/store/store.ts';
import { expectNothingSecret, filesUnder, populate, privateSecrets, readKek } from './at-rest.ts';
import { startTestServer } from './harness.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function storedKeys(dataDir: string): StoredServerKey[] {
  const db = new BetterSqlite3(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM key_pairs').all() as { kid: string; algorithm: string; public_jwk: string; sealed_private_key: string; created_at: string }[];
    return rows.map((r) => ({ kid: r.kid, algorithm: r.algorithm, publicJwk: JSON.parse(r.public_jwk), sealedPrivateKey: r.sealed_private_key, createdAt: r.created_at }));
  } finally {
    db.close();
  }
}

describe('a copy of the SQLite data directory', () => {
  it('holds no private key material and no caseworker note, in the database, its WAL or its shared memory', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-at-rest-'));
    const dataDir = join(dir, 'data');
    const server = await startTestServer({ dir, keyEncryption: {} });
    await populate(server);
    const kek = readKek(generatedKekPath(dataDir));
    const secrets = privateSecrets(kek, storedKeys(dataDir));

    const whileRunning = filesUnder(dataDir);
    expect(whileRunning.map((f) => f.slice(dataDir.length + 1)).sort()).toEqual(['kiosk.sqlite', 'kiosk.sqlite-shm', 'kiosk.sqlite-wal']);
    for (const file of whileRunning) expectNothingSecret(file, readFileSync(file), secrets, kek);

    await server.close();
    const afterStop = filesUnder(dataDir);
    expect(afterStop.length).toBeGreaterThan(0);
    for (const file of afterStop) expectNothingSecret(file, readFileSync(file), secrets, kek);
  }, 60_000);

  it('is readable by the server user only: the directory 0700, the database and its WAL and shared memory 0600', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-modes-'));
    const dataDir = join(dir, 'data');
    const server = await startTestServer({ dir, keyEncryption: {} });
    await populate(server);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const file of filesUnder(dataDir)) expect(statSync(file).mode & 0o777, file).toBe(0o600);
    // The generated KEK sits beside the data directory, never inside it, readable by the owner only.
    const kekFile = generatedKekPath(dataDir);
    expect(kekFile.startsWith(`${dataDir}/`)).toBe(false);
    expect(statSync(kekFile).mode & 0o777).toBe(0o600);
    await server.close();
  }, 60_000);
});
