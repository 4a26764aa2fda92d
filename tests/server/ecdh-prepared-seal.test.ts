import { describe, expect, it } from 'vitest';
import type { PublicServerKey, SealedPayload } from '#contract/v1.ts';
import { prepareEcdhSeal, sealEcdh } from '#outbox/envelope-ecdh.ts';
import { decryptEnvelope } from '#server/crypto/open-envelope.ts';

/**
 * The device makes the next envelope's key agreement ahead of its submit (prepareEcdhSeal). Opened
 * here by the server's own code: a prepared agreement serves exactly one envelope, only for the
 * key it was made with, and an envelope sealed with one opens like any other.
 */
const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;

async function serverKey(kid: string): Promise<{ publicKey: PublicServerKey; privateKey: CryptoKey }> {
  const pair = await crypto.subtle.generateKey(P256, true, ['deriveBits']);
  return { publicKey: { kid, jwk: await crypto.subtle.exportKey('jwk', pair.publicKey) }, privateKey: pair.privateKey };
}

const payload = (reference: string): SealedPayload => ({
  type: 'device-test',
  schemaVersion: 1,
  reference,
  createdAt: '2026-12-05T09:00:00.000Z',
  data: { note: `note ${reference}` },
});

describe('a prepared key agreement', () => {
  it('is taken by one envelope only: the next one agrees afresh, and the server opens both', async () => {
    const { publicKey, privateKey } = await serverKey('ec-1');
    prepareEcdhSeal(publicKey);
    const first = await sealEcdh(payload('AAAA-AAAA-AAAA'), { id: crypto.randomUUID() }, publicKey);
    const second = await sealEcdh(payload('BBBB-BBBB-BBBB'), { id: crypto.randomUUID() }, publicKey);
    expect(first.epk).not.toBe(second.epk);
    expect(await decryptEnvelope(first, privateKey)).toEqual({ ok: true, payload: payload('AAAA-AAAA-AAAA') });
    expect(await decryptEnvelope(second, privateKey)).toEqual({ ok: true, payload: payload('BBBB-BBBB-BBBB') });
  });

  it('made for one server key is never used for another (the other key opens the envelope, the first does not)', async () => {
    const old = await serverKey('ec-old');
    const rotated = await serverKey('ec-new');
    prepareEcdhSeal(old.publicKey);
    const envelope = await sealEcdh(payload('CCCC-CCCC-CCCC'), { id: crypto.randomUUID() }, rotated.publicKey);
    expect(envelope.kid).toBe('ec-new');
    expect(await decryptEnvelope(envelope, rotated.privateKey)).toMatchObject({ ok: true });
    expect(await decryptEnvelope(envelope, old.privateKey)).toMatchObject({ ok: false });
  });

  it('made for a key under a kid that now names another key is not used either', async () => {
    const before = await serverKey('ec-same');
    const after = await serverKey('ec-same');
    prepareEcdhSeal(before.publicKey);
    const envelope = await sealEcdh(payload('DDDD-DDDD-DDDD'), { id: crypto.randomUUID() }, after.publicKey);
    expect(await decryptEnvelope(envelope, after.privateKey)).toMatchObject({ ok: true });
  });

  it('binds the envelope id: the same agreement cannot open under another id', async () => {
    const { publicKey, privateKey } = await serverKey('ec-2');
    prepareEcdhSeal(publicKey);
    const envelope = await sealEcdh(payload('EEEE-EEEE-EEEE'), { id: crypto.randomUUID() }, publicKey);
    expect(await decryptEnvelope({ ...envelope, id: crypto.randomUUID() }, privateKey)).toMatchObject({ ok: false });
  });

  it('leaves a key the browser refuses to the seal, which reports it', async () => {
    const bad: PublicServerKey = { kid: 'ec-bad', jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } };
    prepareEcdhSeal(bad);
    await expect(sealEcdh(payload('FFFF-FFFF-FFFF'), { id: crypto.randomUUID() }, bad)).rejects.toBeDefined();
    const { publicKey, privateKey } = await serverKey('ec-3');
    const envelope = await sealEcdh(payload('GGGG-GGGG-GGGG'), { id: crypto.randomUUID() }, publicKey);
    expect(await decryptEnvelope(envelope, privateKey)).toMatchObject({ ok: true });
  });
});
