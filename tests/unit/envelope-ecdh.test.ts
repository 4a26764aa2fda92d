import { randomBytes, randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { ECDH_ALG, envelopeSchema, type Envelope, type SealedPayload, type ServerKey } from '#contract/v1.ts';
import { seal } from '#outbox/envelope.ts';
import { sealEcdh } from '#outbox/envelope-ecdh.ts';
import { decryptEnvelope } from '#server/crypto/open-envelope.ts';
import { openPrivateKey } from '#server/crypto/key-wrap.ts';
import { ECDH_PARAMS, generateEcdhServerKey, servedEcdhKey } from '#server/crypto/server-key-ecdh.ts';
import { generateServerKey, servedKey } from '#server/crypto/server-key.ts';

/**
 * The key-agreement envelope end to end with real WebCrypto: sealed by the device's module
 * (src/outbox), opened by the server's (src/server), the keys made, sealed under a KEK and served as
 * the server does.
 */
const kek = randomBytes(32);
let serverKey: ServerKey;
let ecPrivate: CryptoKey;
let rsaPrivate: CryptoKey;

beforeAll(async () => {
  const [rsa, ec] = await Promise.all([generateServerKey(kek), generateEcdhServerKey(kek)]);
  serverKey = { ...servedKey(rsa), ecdh: servedEcdhKey(ec) };
  ecPrivate = await crypto.subtle.importKey('jwk', openPrivateKey(kek, ec.kid, ec.sealedPrivateKey), ECDH_PARAMS, false, ['deriveBits']);
  rsaPrivate = await crypto.subtle.importKey('jwk', openPrivateKey(kek, rsa.kid, rsa.sealedPrivateKey), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
}, 60_000);

const payload = (): SealedPayload => ({
  type: 'test-note',
  schemaVersion: 1,
  reference: 'K7QM-3XRT-9PWA',
  createdAt: '2026-03-02T09:15:00.000Z',
  data: { name: 'Anne Jensen', message: 'Mit nøglekort er bortkommet.' },
});
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
async function otherPoint(): Promise<string> {
  const pair = await crypto.subtle.generateKey(ECDH_PARAMS, true, ['deriveBits']);
  return b64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
}

describe('the key-agreement envelope (ECDH-ES P-256, HKDF-SHA-256, AES-256-GCM)', () => {
  it('opens on the server as sealed on the device, and is a valid v1 envelope naming its scheme', async () => {
    const sent = payload();
    const envelope = await seal(sent, { id: randomUUID() }, serverKey);
    expect(envelope).toMatchObject({ alg: ECDH_ALG, kid: serverKey.ecdh!.kid });
    expect(envelope.wrappedKey).toBeUndefined();
    expect(Buffer.from(envelope.epk!, 'base64url')).toHaveLength(65);
    expect(v.safeParse(envelopeSchema, envelope).success).toBe(true);
    expect(await decryptEnvelope(envelope, ecPrivate)).toEqual({ ok: true, payload: sent });
  });

  it('seals with RSA, as before, for a server key without an EC key, and both kinds open', async () => {
    const rsaOnly: ServerKey = { kid: serverKey.kid, jwk: serverKey.jwk };
    const envelope = await seal(payload(), { id: randomUUID() }, rsaOnly);
    expect(envelope.alg).toBeUndefined();
    expect(envelope.epk).toBeUndefined();
    expect(envelope.kid).toBe(serverKey.kid);
    expect(await decryptEnvelope(envelope, rsaPrivate)).toMatchObject({ ok: true });
  });

  it('uses a fresh ephemeral key for every envelope', async () => {
    const [a, b] = await Promise.all([sealEcdh(payload(), { id: randomUUID() }, serverKey.ecdh!), sealEcdh(payload(), { id: randomUUID() }, serverKey.ecdh!)]);
    expect(a.epk).not.toBe(b.epk);
  });

  const opened = async (change: (e: Envelope) => Envelope, key?: CryptoKey) => {
    const envelope = await seal(payload(), { id: randomUUID() }, serverKey);
    return decryptEnvelope(change(envelope), key ?? ecPrivate);
  };

  it('refuses another ephemeral key (a valid point, but not the one the key was agreed with)', async () => {
    const epk = await otherPoint();
    expect(await opened((e) => ({ ...e, epk }))).toEqual({ ok: false, errors: [{ path: 'ciphertext', code: 'decrypt_failed' }] });
  });

  it('refuses an ephemeral key that is not a point on P-256', async () => {
    const point = Buffer.from(await otherPoint(), 'base64url');
    point[64]! ^= 1; // y changed: y² = x³ − 3x + b no longer holds
    expect(await opened((e) => ({ ...e, epk: b64(point) }))).toEqual({ ok: false, errors: [{ path: 'epk', code: 'not_a_p256_point' }] });
    const infinity = b64(new Uint8Array(65));
    expect(await opened((e) => ({ ...e, epk: infinity }))).toMatchObject({ ok: false, errors: [{ path: 'epk' }] });
  });

  it('refuses changed metadata (the AAD) and an envelope moved under another id (the HKDF info)', async () => {
    expect(await opened((e) => ({ ...e, createdAt: '2026-03-02T09:16:00.000Z' }))).toEqual({ ok: false, errors: [{ path: 'ciphertext', code: 'decrypt_failed' }] });
    expect(await opened((e) => ({ ...e, reference: 'K7QM-3XRT-9PWB' }))).toMatchObject({ ok: false });
    expect(await opened((e) => ({ ...e, id: randomUUID() }))).toMatchObject({ ok: false });
  });

  it('refuses a key of the other scheme: an ECDH envelope under an RSA kid and the reverse', async () => {
    expect(await opened((e) => e, rsaPrivate)).toEqual({ ok: false, errors: [{ path: 'kid', code: 'not_an_ecdh_key' }] });
    const rsaEnvelope = await seal(payload(), { id: randomUUID() }, { kid: serverKey.kid, jwk: serverKey.jwk });
    expect(await decryptEnvelope(rsaEnvelope, ecPrivate)).toEqual({ ok: false, errors: [{ path: 'kid', code: 'not_an_rsa_key' }] });
  });
});
