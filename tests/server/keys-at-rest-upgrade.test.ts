import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { servedKey } from '../../src/server/crypto/server-key.ts';
import { migrations } from '../../src/server/store/schema.ts';
import { CPR_IN_NOTE, expectNothingSecret, filesUnder, NOTE } from './at-rest.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer } from './harness.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as the version before this one left it: the private key and a note in plain text. */
async function oldInstallation(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const file = new BetterSqlite3(join(dataDir, 'kiosk.sqlite'));
  file.pragma('journal_mode = WAL');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: file }) });
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error;
  const pair = await crypto.subtle.generateKey({ name: 'RSA-OAEP', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['encrypt', 'decrypt']);
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const kid = 'legacy-kid';
  await db.insertInto('server_keys').values({ kid, public_jwk: JSON.stringify(publicJwk), private_jwk: JSON.stringify(privateJwk), active: 1, created_at: new Date().toISOString() }).execute();
  const now = new Date().toISOString();
  await db.insertInto('devices').values({ id: 'dev-1', name: 'Kiosk', kind: 'kiosk', token_hash: 'h', created_at: now, revoked_at: null }).execute();
  const { envelope } = await testEnvelope(servedKey({ kid, publicJwk }));
  await db.insertInto('submissions').values({
    id: envelope.id, reference: envelope.reference, type: envelope.type, schema_version: envelope.schemaVersion, created_at: envelope.createdAt,
    kid, iv: envelope.iv, wrapped_key: envelope.wrappedKey, ciphertext: envelope.ciphertext, content_hash: 'x', device_id: 'dev-1',
    received_at: now, status: 'in_progress', updated_at: now,
  }).execute();
  await db.insertInto('submission_events').values({ id: randomUUID(), submission_id: envelope.id, at: now, from_status: 'received', to_status: 'in_progress', note: `${NOTE} ${CPR_IN_NOTE}`, actor: 'anne' }).execute();
  await db.destroy();
  return { id: envelope.id, privateJwk: privateJwk as Record<string, string> };
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
