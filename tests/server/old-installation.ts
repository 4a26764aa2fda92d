import { randomUUID } from 'node:crypto';
import { Migrator, type Kysely } from 'kysely';
import { servedKey } from '#server/crypto/server-key.ts';
import { migrations } from '#server/store/schema.ts';
import { CPR_IN_NOTE, NOTE } from './at-rest.ts';
import { testEnvelope } from './fixtures.ts';

/**
 * A database as the version before keys were sealed left it (migrations 001-003 only): the server's
 * private key in plain JSON in `server_keys`, a submission sealed for it, and a plain note.
 */
export async function oldInstallationIn(db: Kysely<any>) {
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

