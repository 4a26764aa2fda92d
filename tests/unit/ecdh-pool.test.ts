import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, SealedPayload, ServerKey } from '#contract/v1.ts';
import { sealEcdh } from '#outbox/envelope-ecdh.ts';
import { agreementPool } from '#server/crypto/ecdh-pool.ts';
import { decryptEnvelope } from '#server/crypto/open-envelope.ts';
import { openPrivateKey } from '#server/crypto/key-wrap.ts';
import { ECDH_PARAMS, generateEcdhServerKey, servedEcdhKey } from '#server/crypto/server-key-ecdh.ts';
import { generateServerKey, servedKey } from '#server/crypto/server-key.ts';

/**
 * The key agreement on worker threads: many envelopes judged at once (one message per worker), each
 * with its own answer, a bad point among good ones refused alone, and the agreed key the one the
 * device's WebCrypto derived.
 */
const kek = randomBytes(32);
let serverKey: ServerKey;
let ecPrivate: CryptoKey;
let scalar: Uint8Array;

beforeAll(async () => {
  const [rsa, ec] = await Promise.all([generateServerKey(kek), generateEcdhServerKey(kek)]);
  serverKey = { ...servedKey(rsa), ecdh: servedEcdhKey(ec) };
  const jwk = openPrivateKey(kek, ec.kid, ec.sealedPrivateKey);
  ecPrivate = await crypto.subtle.importKey('jwk', jwk, ECDH_PARAMS, false, ['deriveBits']);
  scalar = new Uint8Array(Buffer.from(jwk.d!, 'base64url'));
}, 60_000);

const payload = (i: number): SealedPayload => ({
  type: 'test-note',
  schemaVersion: 1,
  reference: `K7QM-3XRT-${String(i).padStart(4, '0')}`,
  createdAt: '2026-03-02T09:15:00.000Z',
  data: { name: 'Anne Jensen', message: `besked ${i}` },
});

describe('the key agreement on worker threads', () => {
  it('opens a whole batch at once, each envelope with its own key, and refuses only the bad points', async () => {
    const envelopes = await Promise.all(Array.from({ length: 60 }, (_, i) => sealEcdh(payload(i), { id: randomUUID() }, serverKey.ecdh!)));
    const tampered = (e: Envelope, change: (point: Buffer) => void): Envelope => {
      const point = Buffer.from(e.epk!, 'base64url');
      change(point);
      return { ...e, epk: point.toString('base64url') };
    };
    const batch = envelopes.map((e, i) =>
      i % 10 === 3 ? tampered(e, (p) => (p[64]! ^= 1)) : i % 10 === 7 ? tampered(e, (p) => (p[0] = 0x06)) : e,
    );
    const opened = await Promise.all(batch.map((e) => decryptEnvelope(e, ecPrivate)));
    opened.forEach((result, i) => {
      if (i % 10 === 3 || i % 10 === 7) expect(result, `item ${i}`).toEqual({ ok: false, errors: [{ path: 'epk', code: 'not_a_p256_point' }] });
      else expect(result, `item ${i}`).toEqual({ ok: true, payload: payload(i) });
    });
  });

  it('agrees the key WebCrypto derives, over several workers, in the order asked', async () => {
    const pool = agreementPool(3);
    const jobs = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const ephemeral = await crypto.subtle.generateKey(ECDH_PARAMS, true, ['deriveBits']);
        const point = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
        const info = randomBytes(40);
        const serverPublic = await crypto.subtle.importKey('jwk', serverKey.ecdh!.jwk, ECDH_PARAMS, false, []);
        const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: serverPublic }, ephemeral.privateKey, 256);
        const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits']);
        const expected = new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info }, hkdf, 256));
        return { point, info: new Uint8Array(info), expected };
      }),
    );
    const agreed = await Promise.all(jobs.map((j) => pool.agree({ handle: 0, d: scalar, point: j.point, info: j.info })));
    expect(agreed).toEqual(jobs.map((j) => j.expected));
  });
});
