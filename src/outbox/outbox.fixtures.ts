import * as v from 'valibot';
import { envelopeAad, type Envelope, type SealedPayload, type ServerKey } from '#contract/v1.ts';
import { registerRequestType } from '#forms/registry.ts';
import { fromBase64url } from './base64url.ts';
import { outboxDb } from './db.ts';
import { DB_NAME, DEVICE_KEY, type DeviceRecord } from './records.ts';

/** Fixtures for the unit tests of the outbox and of what stores beside it (the vault, the server's key rotation). Not imported by the app. */

export const TEST_TYPE = 'test-note';

/** A small request type, as src/forms would register a real one. */
export function registerTestRequestType(): void {
  registerRequestType({
    type: TEST_TYPE,
    versions: { 1: v.object({ note: v.pipe(v.string(), v.minLength(1)), email: v.optional(v.pipe(v.string(), v.email())) }) },
    current: 1,
  });
}

export interface TestServerKeys {
  serverKey: ServerKey;
  privateKey: CryptoKey;
}

/** An RSA-OAEP-256 key pair standing in for the server's (2048 bits: quick to make). */
export async function makeServerKeys(kid = 'test-kid'): Promise<TestServerKeys> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['wrapKey', 'unwrapKey'],
  );
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { serverKey: { kid, jwk }, privateKey: pair.privateKey };
}

/** What the server does: unwrap the AES key and decrypt, with the envelope's metadata as AAD. */
export async function openEnvelope(envelope: Envelope, privateKey: CryptoKey): Promise<SealedPayload> {
  const key = await crypto.subtle.unwrapKey('raw', fromBase64url(envelope.wrappedKey!), privateKey, { name: 'RSA-OAEP' }, { name: 'AES-GCM' }, false, [
    'decrypt',
  ]);
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64url(envelope.iv), additionalData: envelopeAad(envelope) as Uint8Array<ArrayBuffer> },
    key,
    fromBase64url(envelope.ciphertext),
  );
  return JSON.parse(new TextDecoder().decode(plaintext)) as SealedPayload;
}

export function testDevice(serverKey: ServerKey, overrides: Partial<DeviceRecord> = {}): DeviceRecord {
  return {
    deviceId: 'device-1',
    token: 'token-1',
    serverKey,
    serverUrl: 'https://sync.example',
    name: 'Kiosk 1',
    kind: 'kiosk',
    enrolledAt: '2025-01-01T00:00:00.000Z',
    // A token far from renewal, so that only the renewal tests see a request for one.
    tokenIssuedAt: '2025-01-01T00:00:00.000Z',
    tokenExpiresAt: '2100-01-01T00:00:00.000Z',
    persisted: true,
    ...overrides,
  };
}

export async function storeDevice(device: DeviceRecord): Promise<void> {
  await outboxDb().device.put(device, DEVICE_KEY);
}

/** Empties both tables between tests (the database itself lives for the whole file). */
export async function clearOutboxDb(): Promise<void> {
  const db = outboxDb();
  await db.transaction('rw', db.outbox, db.device, async () => {
    await db.outbox.clear();
    await db.device.clear();
  });
}

/**
 * Every string in every object store of a database (the outbox's unless named), keys included,
 * bytes decoded as UTF-8 too, read with raw IndexedDB: what someone with the disk could read.
 */
export async function everyStoredString(dbName: string = DB_NAME): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores = [...db.objectStoreNames];
  const rows = await Promise.all(
    stores.flatMap((name) => {
      const store = db.transaction(name, 'readonly').objectStore(name);
      return [store.getAll(), store.getAllKeys()].map(
        (request) =>
          new Promise<unknown>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      );
    }),
  );
  db.close();
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value instanceof Uint8Array || value instanceof ArrayBuffer) strings.push(new TextDecoder().decode(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(rows);
  return strings;
}
