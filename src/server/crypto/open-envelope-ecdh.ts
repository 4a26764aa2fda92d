import { createECDH, hkdfSync, KeyObject, type ECDH } from 'node:crypto';
import { ecdhKdfInfo, type Envelope, type FieldError } from '#contract/v1.ts';

/**
 * The server's half of the key-agreement envelope (src/outbox/envelope-ecdh.ts): ECDH between the
 * server's P-256 private key and the envelope's ephemeral public key, then HKDF-SHA-256 with the
 * scheme, kid, envelope id and ephemeral key as `info`, to the AES-256-GCM key. Every failure is the
 * sender's (an `invalid` item), never an exception.
 *
 * Done with node:crypto's synchronous calls, not WebCrypto: the same OpenSSL operations, but
 * WebCrypto adds a key import, three thread-pool jobs and their key objects per envelope, about
 * three times the CPU of the work itself (tests/bench/profile-ingest.ts measures both).
 */

/** An uncompressed P-256 point: 0x04 || x || y. Devices export exactly this (WebCrypto `raw`). */
const POINT_BYTES = 65;
const UNCOMPRESSED = 0x04;
const AES_KEY_BYTES = 32;
const NO_SALT = Buffer.alloc(0);

export type ContentKey = { ok: true; key: Buffer } | { ok: false; errors: FieldError[] };

const fail = (path: string, code: string): ContentKey => ({ ok: false, errors: [{ path, code }] });

/** One ECDH context per imported private key (the keyring keeps them for the process's life). */
const contexts = new WeakMap<CryptoKey, ECDH>();

function contextOf(privateKey: CryptoKey): ECDH {
  let ecdh = contexts.get(privateKey);
  if (!ecdh) {
    // KeyObject.from reads the key inside this process; the scalar never leaves it.
    const { d } = KeyObject.from(privateKey).export({ format: 'jwk' });
    ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(d!, 'base64url'));
    contexts.set(privateKey, ecdh);
  }
  return ecdh;
}

export function ecdhContentKey(envelope: Envelope, privateKey: CryptoKey): ContentKey {
  // The kid names an RSA key (or anything else): the envelope claims a scheme its key does not have.
  if (privateKey.algorithm.name !== 'ECDH' || envelope.epk === undefined) return fail('kid', 'not_an_ecdh_key');
  const point = Buffer.from(envelope.epk, 'base64url');
  // Only the uncompressed form: no compressed or hybrid encoding, and not the point at infinity.
  if (point.length !== POINT_BYTES || point[0] !== UNCOMPRESSED) return fail('epk', 'not_a_p256_point');
  let secret: Buffer;
  try {
    // OpenSSL refuses a point that is not on P-256 before any multiplication (no invalid-curve attack).
    secret = contextOf(privateKey).computeSecret(point);
  } catch {
    return fail('epk', 'not_a_p256_point');
  }
  const info = ecdhKdfInfo({ kid: envelope.kid, id: envelope.id, epk: envelope.epk });
  return { ok: true, key: Buffer.from(hkdfSync('sha256', secret, NO_SALT, info, AES_KEY_BYTES)) };
}
