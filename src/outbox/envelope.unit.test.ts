import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { envelopeSchema, type Envelope, type SealedPayload } from '#contract/v1.ts';
import { fromBase64url, toBase64url } from './base64url.ts';
import { importServerKey, seal } from './envelope.ts';
import { makeServerKeys, openEnvelope, type TestServerKeys } from './outbox.fixtures.ts';

const payload: SealedPayload = {
  type: 'test-note',
  schemaVersion: 1,
  reference: 'K7QM-3XRT-9PWA',
  createdAt: '2025-03-01T12:00:00.000Z',
  data: { note: 'Jens Hansen, Æblevej 3 — ønsker pas' },
};
const id = '6f1c1d8e-3f0a-4b7e-9c55-2f8f7c1b9a10';
let keys: TestServerKeys;

beforeAll(async () => {
  keys = await makeServerKeys();
});

describe('seal', () => {
  it('makes an envelope of the wire contract, its metadata from the payload', async () => {
    const envelope = await seal(payload, { id }, keys.serverKey);
    expect(v.safeParse(envelopeSchema, envelope).success).toBe(true);
    expect(envelope).toMatchObject({ id, reference: payload.reference, type: payload.type, schemaVersion: 1, createdAt: payload.createdAt, kid: 'test-kid' });
    expect(fromBase64url(envelope.iv)).toHaveLength(12);
    expect(JSON.stringify(envelope)).not.toMatch(/[+/=]/);
  });

  it('round-trips: the holder of the private key reads the payload back', async () => {
    const envelope = await seal(payload, { id }, keys.serverKey);
    expect(await openEnvelope(envelope, keys.privateKey)).toEqual(payload);
  });

  it('uses a fresh key and IV for every submission', async () => {
    const [a, b] = await Promise.all([seal(payload, { id }, keys.serverKey), seal(payload, { id }, keys.serverKey)]);
    expect(a.iv).not.toBe(b.iv);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('cannot be opened with another key pair', async () => {
    const envelope = await seal(payload, { id }, keys.serverKey);
    const other = await makeServerKeys();
    await expect(openEnvelope(envelope, other.privateKey)).rejects.toThrow();
  });

  const tampered: [keyof Envelope, unknown][] = [
    ['id', '0e0b6a43-58b4-4c51-8f0b-1e1f2a3b4c5d'],
    ['reference', 'K7QM-3XRT-9PWB'],
    ['type', 'other-type'],
    ['schemaVersion', 2],
    ['createdAt', '2025-03-01T12:00:01.000Z'],
    ['kid', 'other-kid'],
  ];
  it.each(tampered)('breaks decryption when %s is changed', async (field, value) => {
    const envelope = await seal(payload, { id }, keys.serverKey);
    await expect(openEnvelope({ ...envelope, [field]: value }, keys.privateKey)).rejects.toThrow();
  });

  it('breaks decryption when the ciphertext is changed', async () => {
    const envelope = await seal(payload, { id }, keys.serverKey);
    const bytes = fromBase64url(envelope.ciphertext);
    bytes[0] ^= 1;
    await expect(openEnvelope({ ...envelope, ciphertext: toBase64url(bytes) }, keys.privateKey)).rejects.toThrow();
  });
});

describe('importServerKey', () => {
  it('takes the key as the server serves it, key_ops and all', async () => {
    const jwk = { ...keys.serverKey.jwk, alg: 'RSA-OAEP-256', key_ops: ['encrypt', 'wrapKey'], ext: true };
    await expect(importServerKey({ kid: 'k', jwk })).resolves.toBeDefined();
  });

  it('refuses what is not an RSA-OAEP-256 public key', async () => {
    await expect(importServerKey({ kid: 'k', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } })).rejects.toThrow(/k is not an RSA-OAEP-256/);
    await expect(importServerKey({ kid: 'k', jwk: { ...keys.serverKey.jwk, alg: 'RSA-OAEP' } })).rejects.toThrow();
  });
});
