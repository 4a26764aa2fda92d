/**
 * Where the time of one ingest batch goes: `npx tsx tests/bench/profile-ingest.ts [rounds]`.
 * In one process, on a fresh SQLite store (WAL, synchronous=FULL, as production), for batches of
 * 100 `device-test` envelopes sealed the way a device seals them (RSA for the RSA steps, the
 * key-agreement envelope for the others, as devices now seal), it times each step of the
 * server's ingest on its own, then the real `ingestBatch` as a whole. Prints a Markdown table of
 * ms per batch (median over rounds); BENCHMARKS.md quotes it. No HTTP: the HTTP and JSON share is
 * what figure 4's bare handler measures.
 */
import { constants, createECDH, createPrivateKey, hkdfSync, privateDecrypt, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { ecdhKdfInfo, envelopeAad, type Envelope } from '#contract/v1.ts';
import '#forms/index.ts';
import { deviceTestData, DEVICE_TEST_TYPE } from '#forms/device-test.ts';
import { requestTypeRegistry as registry, validateRequest } from '#forms/registry.ts';
import { openPrivateKey } from '#server/crypto/key-wrap.ts';
import { ecdhContentKey } from '#server/crypto/open-envelope-ecdh.ts';
import { ECDH_ALGORITHM } from '#server/crypto/server-key-ecdh.ts';
import { keyCopies, loadServerKeyring } from '#server/crypto/server-key.ts';
import { ingestBatch } from '#server/ingest/ingest-batch.ts';
import { parseEnvelope } from '#server/ingest/parse-envelope.ts';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { testPayload } from '../server/fixtures.ts';
import { seal } from '../server/seal.ts';
import { sealEcdh } from '../server/seal-ecdh.ts';
import { median, round } from './lib/stats.ts';

const rounds = Number(process.argv[2] ?? 5);
const BATCH = 100;
const dir = mkdtempSync(join(tmpdir(), 'kiosk-profile-'));
const store = await openStore({ dataDir: dir, log: silentLog });
const kek = randomBytes(32);
const keyring = await loadServerKeyring(store, { kek, log: silentLog });
const deviceId = crypto.randomUUID();
await store.createDevice({ id: deviceId, name: 'profile', kind: 'kiosk', createdAt: new Date().toISOString(), revokedAt: null }, 'profile-token');
const storedKey = (await store.activeServerKey())!;
const storedEcKey = (await store.activeServerKey(ECDH_ALGORITHM))!;
const ecJwk = openPrivateKey(kek, storedEcKey.kid, storedEcKey.sealedPrivateKey);
const ecKey = await crypto.subtle.importKey('jwk', ecJwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
const ecdhContext = createECDH('prime256v1');
ecdhContext.setPrivateKey(Buffer.from(ecJwk.d!, 'base64url'));
const privateJwk = openPrivateKey(kek, storedKey.kid, storedKey.sealedPrivateKey);
const privateKeyObject = createPrivateKey({ key: privateJwk as never, format: 'jwk' });
const cryptoKey = await crypto.subtle.importKey('jwk', privateJwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);

async function batch(scheme: 'rsa' | 'ecdh'): Promise<Envelope[]> {
  return Promise.all(
    Array.from({ length: BATCH }, () => {
      const payload = testPayload({ type: DEVICE_TEST_TYPE, schemaVersion: 1, data: deviceTestData() });
      return scheme === 'rsa' ? seal(payload, crypto.randomUUID(), keyring.active) : sealEcdh(payload, crypto.randomUUID(), keyring.active.ecdh!);
    }),
  );
}
const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
const bytes = (s: string) => Buffer.from(s, 'base64url');

const steps: Record<string, (envelopes: Envelope[]) => Promise<unknown>> = {
  'envelope schema (valibot) + SHA-256 content hash': async (es) => es.map((e) => parseEnvelope(e)),
  'look-up: already stored? (one SELECT each)': async (es) => {
    for (const e of es) await store.existingOutcome(e.id, e.reference, 'x', deviceId);
  },
  'look-up: already stored? (existingOutcomes, one SELECT per batch)': async (es) =>
    store.existingOutcomes(es.map((e) => ({ id: e.id, reference: e.reference, contentHash: 'x', deviceId }))),
  'RSA-OAEP-3072 unwrap, WebCrypto, one at a time': async (es) => {
    for (const e of es) await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, cryptoKey, bytes(e.wrappedKey!));
  },
  'RSA-OAEP-3072 unwrap, WebCrypto, whole batch at once, one CryptoKey': async (es) =>
    Promise.all(es.map((e) => crypto.subtle.decrypt({ name: 'RSA-OAEP' }, cryptoKey, bytes(e.wrappedKey!)))),
  [`RSA-OAEP-3072 unwrap, WebCrypto, whole batch at once, ${keyCopies()} key copies (the keyring)`]: async (es) =>
    Promise.all(es.map(async (e) => crypto.subtle.decrypt({ name: 'RSA-OAEP' }, (await keyring.privateKey(e.kid))!, bytes(e.wrappedKey!)))),
  'RSA-OAEP-3072 unwrap, node:crypto privateDecrypt (sync, main thread)': async (es) =>
    es.map((e) => privateDecrypt({ key: privateKeyObject, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, bytes(e.wrappedKey!))),
  'ECDH-ES P-256 + HKDF, WebCrypto, whole batch at once (import the point, derive bits, HKDF key)': async (es) =>
    Promise.all(
      es.map(async (e) => {
        const point = await crypto.subtle.importKey('raw', bytes(e.epk!), P256, false, []);
        const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: point }, ecKey, 256);
        const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
        const info = ecdhKdfInfo({ kid: e.kid, id: e.id, epk: e.epk! }) as Uint8Array<ArrayBuffer>;
        return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
      }),
    ),
  'ECDH-ES P-256 + HKDF, node:crypto (sync, main thread)': async (es) =>
    es.map((e) => hkdfSync('sha256', ecdhContext.computeSecret(bytes(e.epk!)), new Uint8Array(0), ecdhKdfInfo({ kid: e.kid, id: e.id, epk: e.epk! }), 32)),
  'ECDH-ES P-256 + HKDF, node:crypto on the worker threads (ecdhContentKey, the server)': async (es) => Promise.all(es.map((e) => ecdhContentKey(e, ecKey))),
  'AES-256-GCM: import key + decrypt, WebCrypto': async (es) => {
    const keys = es.map(() => crypto.getRandomValues(new Uint8Array(32)));
    // A wrong key fails the tag check after the same work as the right one: the cost is what counts.
    await Promise.all(
      es.map(async (e, i) => {
        const k = await crypto.subtle.importKey('raw', keys[i]!, 'AES-GCM', false, ['decrypt']);
        await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(e.iv), additionalData: envelopeAad(e) as Uint8Array<ArrayBuffer> }, k, bytes(e.ciphertext)).catch(() => undefined);
      }),
    );
  },
  'payload JSON.parse + valibot payload schema + validateRequest': async (es) => {
    const payloads = es.map((e) => JSON.stringify(testPayload({ type: DEVICE_TEST_TYPE, schemaVersion: 1, data: deviceTestData(), reference: e.reference })));
    const schema = v.object({ type: v.string(), schemaVersion: v.number(), reference: v.string(), createdAt: v.string(), data: v.record(v.string(), v.unknown()) });
    for (const p of payloads) {
      const parsed = v.parse(schema, JSON.parse(p));
      validateRequest(parsed.type, parsed.schemaVersion, parsed.data);
    }
  },
  'insert, one transaction (one fsync) per envelope': async (es) => {
    for (const e of es) await store.insertSubmission({ envelope: e, contentHash: e.id, deviceId, receivedAt: new Date().toISOString() });
  },
  'insert, one transaction per batch (insertSubmissions, group commit)': async (es) =>
    store.insertSubmissions(es.map((e) => ({ envelope: e, contentHash: e.id, deviceId, receivedAt: new Date().toISOString() }))),
  'ingestBatch as the route runs it (everything above, as production does)': async (es) => {
    const results = await ingestBatch(es, { store, keyring, registry, deviceId, deviceKind: 'kiosk' });
    if (!results.every((r) => r.status === 'stored')) throw new Error(`profile: not all stored: ${JSON.stringify(results.find((r) => r.status !== 'stored'))}`);
  },
};

const times: Record<string, number[]> = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, step] of Object.entries(steps)) {
    const envelopes = await batch(name.startsWith('RSA') ? 'rsa' : 'ecdh');
    const started = performance.now();
    await step(envelopes);
    times[name]!.push(performance.now() - started);
  }
}
console.log(`| step (batch of ${BATCH}, median of ${rounds}) | ms per batch | ms per envelope |\n| --- | --- | --- |`);
for (const [name, t] of Object.entries(times)) console.log(`| ${name} | ${round(median(t), 1)} | ${round(median(t) / BATCH, 2)} |`);
await store.close();
rmSync(dir, { recursive: true, force: true });
