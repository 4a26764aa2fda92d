import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, Envelope, ItemResult } from '#contract/v1.ts';
import { testEnvelope, testPayload, testReference } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { b64url, seal } from './seal.ts';

let server: TestServer;
let device: EnrollResponse;
let staff: string;

beforeAll(async () => {
  server = await startTestServer();
  device = await server.enroll();
  staff = await server.login();
});
afterAll(() => server.close());

async function submitOk(...envelopes: unknown[]): Promise<ItemResult[]> {
  const r = await server.submit(device.token, { submissions: envelopes });
  expect(r.status, r.text).toBe(200);
  expect(r.json.results).toHaveLength(envelopes.length);
  return r.json.results;
}

const stored = async (id: string) => (await server.staff(staff, `/submissions/${id}`)).status === 200;
const total = async () => (await server.staff(staff, '/submissions')).json.total as number;

describe('ingest', () => {
  it('stores a valid envelope, and staff read back exactly what was sealed', async () => {
    const { envelope, payload } = await testEnvelope(device.serverKey);
    expect(await submitOk(envelope)).toEqual([{ id: envelope.id, status: 'stored', reference: envelope.reference }]);
    const r = await server.staff(staff, `/submissions/${envelope.id}`);
    expect(r.json).toMatchObject({ id: envelope.id, reference: envelope.reference, type: envelope.type, status: 'received', deviceId: device.deviceId });
    expect(r.json.payload).toEqual(payload);
    expect(r.json.history).toEqual([expect.objectContaining({ from: null, to: 'received', actor: `device:${device.deviceId}` })]);
  });

  it('answers duplicate for the same envelope again and stores nothing new', async () => {
    const { envelope } = await testEnvelope(device.serverKey);
    await submitOk(envelope);
    const before = await total();
    expect(await submitOk(envelope)).toEqual([{ id: envelope.id, status: 'duplicate', reference: envelope.reference }]);
    expect(await total()).toBe(before);
  });

  it('answers conflict for the same id with other content', async () => {
    const { envelope, payload } = await testEnvelope(device.serverKey);
    await submitOk(envelope);
    // The same payload sealed again: a new key and IV make other bytes under the same id.
    const resealed = await seal(payload, envelope.id, device.serverKey);
    expect((await submitOk(resealed))[0]!.status).toBe('conflict');
    const other = await seal(testPayload(), envelope.id, device.serverKey);
    expect((await submitOk(other))[0]!.status).toBe('conflict');
  });

  it('answers conflict for the same reference under another id, and stores nothing for it', async () => {
    const { envelope, payload } = await testEnvelope(device.serverKey);
    await submitOk(envelope);
    const sameReference = await seal(payload, randomUUID(), device.serverKey);
    expect(await submitOk(sameReference)).toEqual([{ id: sameReference.id, status: 'conflict', reference: envelope.reference }]);
    expect(await stored(sameReference.id)).toBe(false);
  });

  it('stores the first of 100 copies of one envelope and answers duplicate for the other 99', async () => {
    const { envelope } = await testEnvelope(device.serverKey);
    const before = await total();
    const results = await submitOk(...Array.from({ length: 100 }, () => envelope));
    expect(results[0]!.status).toBe('stored');
    expect(results.slice(1).every((r) => r.status === 'duplicate')).toBe(true);
    expect(await total()).toBe(before + 1);
  });

  it('answers each item of a mixed batch on its own, in request order', async () => {
    const a = await testEnvelope(device.serverKey);
    const b = await testEnvelope(device.serverKey);
    await submitOk(a.envelope);
    const broken = { ...b.envelope, ciphertext: b64url(crypto.getRandomValues(new Uint8Array(64))) };
    const c = await testEnvelope(device.serverKey);
    const results = await submitOk(a.envelope, broken, c.envelope, { nonsense: true });
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'invalid', 'stored', 'invalid']);
    expect(results[3]).toMatchObject({ id: '', reference: '' });
  });
});

describe('invalid envelopes are answered per item and nothing of them is stored', () => {
  const cases: [string, () => Promise<Envelope>, { path: string; code: string }][] = [
    ['garbage ciphertext', async () => ({ ...(await testEnvelope(device.serverKey)).envelope, ciphertext: b64url(crypto.getRandomValues(new Uint8Array(200))) }), { path: 'ciphertext', code: 'decrypt_failed' }],
    ['garbage wrapped key', async () => ({ ...(await testEnvelope(device.serverKey)).envelope, wrappedKey: b64url(crypto.getRandomValues(new Uint8Array(384))) }), { path: 'wrappedKey', code: 'unwrap_failed' }],
    ['an unknown kid', async () => seal(testPayload(), randomUUID(), device.serverKey, { kid: 'no-such-key' }), { path: 'kid', code: 'unknown_kid' }],
    [
      'metadata changed after sealing (the additional data no longer matches)',
      async () => ({ ...(await testEnvelope(device.serverKey)).envelope, createdAt: '2020-01-01T00:00:00.000Z' }),
      { path: 'ciphertext', code: 'decrypt_failed' },
    ],
    [
      'a wrapped key moved from another envelope',
      async () => ({ ...(await testEnvelope(device.serverKey)).envelope, wrappedKey: (await testEnvelope(device.serverKey)).envelope.wrappedKey }),
      { path: 'ciphertext', code: 'decrypt_failed' },
    ],
    ['sealed metadata that differs from the envelope', async () => seal(testPayload(), randomUUID(), device.serverKey, { reference: testReference() }), { path: 'payload.reference', code: 'mismatch' }],
    ['a payload that fails the schema', async () => (await testEnvelope(device.serverKey, { data: { message: 'no name' } })).envelope, { path: 'name', code: 'object' }],
    ['control characters in the payload data', async () => (await testEnvelope(device.serverKey, { data: { name: 'A\u0000B', message: '' } })).envelope, { path: 'name', code: 'regex' }],
    ['an unknown request type', async () => (await testEnvelope(device.serverKey, { type: 'no-such-form' })).envelope, { path: 'type', code: 'unknown_type' }],
    ['an unknown schema version', async () => (await testEnvelope(device.serverKey, { schemaVersion: 99 })).envelope, { path: 'schemaVersion', code: 'unknown_version' }],
    [
      'a plaintext that is not JSON',
      async () => {
        const e = (await testEnvelope(device.serverKey)).envelope;
        const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const { envelopeAad } = await import('#contract/v1.ts');
        const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: envelopeAad(e) as Uint8Array<ArrayBuffer> }, key, new TextEncoder().encode('not json'));
        const pub = await crypto.subtle.importKey('jwk', device.serverKey.jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
        const wk = await crypto.subtle.wrapKey('raw', key, pub, { name: 'RSA-OAEP' });
        return { ...e, iv: b64url(iv), wrappedKey: b64url(wk), ciphertext: b64url(ct) };
      },
      { path: 'ciphertext', code: 'not_json' },
    ],
  ];

  it.each(cases)('%s', async (_name, make, error) => {
    const envelope = await make();
    const [result] = await submitOk(envelope);
    expect(result).toMatchObject({ id: envelope.id, status: 'invalid' });
    expect(result!.errors).toContainEqual(error);
    expect(await stored(envelope.id)).toBe(false);
  });
});

describe('data at rest', () => {
  it('keeps only ciphertext in the database files', async () => {
    const marker = `Unik-markør-${randomUUID()}`;
    const { envelope } = await testEnvelope(device.serverKey, { data: { name: marker, message: marker } });
    await submitOk(envelope);
    expect((await server.staff(staff, `/submissions/${envelope.id}`)).json.payload.data.name).toBe(marker);
    const dataDir = join(server.dir, 'data');
    for (const file of readdirSync(dataDir)) {
      expect(readFileSync(join(dataDir, file)).includes(Buffer.from(marker)), file).toBe(false);
    }
  });
});
