import { ecdhKdfInfo, type Envelope, type FieldError } from '#contract/v1.ts';

/**
 * The server's half of the key-agreement envelope (src/outbox/envelope-ecdh.ts): ECDH between the
 * server's P-256 private key and the envelope's ephemeral public key, then HKDF-SHA-256 with the
 * scheme, kid, envelope id and ephemeral key as `info`, to the AES-256-GCM key. Every failure is the
 * sender's (an `invalid` item), never an exception.
 */

const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
const NO_SALT = new Uint8Array(0);

export type ContentKey = { ok: true; key: CryptoKey } | { ok: false; errors: FieldError[] };

const fail = (path: string, code: string): ContentKey => ({ ok: false, errors: [{ path, code }] });

export async function ecdhContentKey(envelope: Envelope, privateKey: CryptoKey): Promise<ContentKey> {
  // The kid names an RSA key (or anything else): the envelope claims a scheme its key does not have.
  if (privateKey.algorithm.name !== 'ECDH' || envelope.epk === undefined) return fail('kid', 'not_an_ecdh_key');
  let ephemeral: CryptoKey;
  try {
    // WebCrypto (OpenSSL) refuses a point that is not on P-256, the point at infinity and a
    // compressed or malformed encoding: an invalid-curve point never reaches the multiplication.
    ephemeral = await crypto.subtle.importKey('raw', Buffer.from(envelope.epk, 'base64url'), P256, false, []);
  } catch {
    return fail('epk', 'not_a_p256_point');
  }
  try {
    const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, privateKey, 256);
    const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
    const info = ecdhKdfInfo({ kid: envelope.kid, id: envelope.id, epk: envelope.epk }) as Uint8Array<ArrayBuffer>;
    const key = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: NO_SALT, info }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    return { ok: true, key };
  } catch {
    return fail('epk', 'key_agreement_failed');
  }
}
