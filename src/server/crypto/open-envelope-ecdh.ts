import { KeyObject } from 'node:crypto';
import { ecdhKdfInfo, type Envelope, type FieldError } from '#contract/v1.ts';
import { agreementPool, type AgreementPool } from './ecdh-pool.ts';

/**
 * The server's half of the key-agreement envelope (src/outbox/envelope-ecdh.ts): ECDH between the
 * server's P-256 private key and the envelope's ephemeral public key, then HKDF-SHA-256 with the
 * scheme, kid, envelope id and ephemeral key as `info`, to the AES-256-GCM key. Every failure is the
 * sender's (an `invalid` item), never an exception.
 *
 * Done with node:crypto's calls on worker threads (ecdh-pool.ts), not WebCrypto: the same OpenSSL
 * operations, but WebCrypto adds a key import, three thread-pool jobs and their key objects per
 * envelope, about three times the CPU of the work itself (tests/bench/profile-ingest.ts).
 */

/** An uncompressed P-256 point: 0x04 || x || y. Devices export exactly this (WebCrypto `raw`). */
const POINT_BYTES = 65;
const UNCOMPRESSED = 0x04;

export type ContentKey = { ok: true; key: Buffer } | { ok: false; errors: FieldError[] };

const fail = (path: string, code: string): ContentKey => ({ ok: false, errors: [{ path, code }] });

/** Each imported private key's scalar, read once, and a number that names it to the workers. */
const scalars = new WeakMap<CryptoKey, { handle: number; d: Uint8Array }>();
let handles = 0;
let pool: AgreementPool | undefined;

function scalarOf(privateKey: CryptoKey): { handle: number; d: Uint8Array } {
  let known = scalars.get(privateKey);
  if (!known) {
    // KeyObject.from reads the key inside this process; the scalar never leaves it.
    const { d } = KeyObject.from(privateKey).export({ format: 'jwk' });
    known = { handle: handles++, d: new Uint8Array(Buffer.from(d!, 'base64url')) };
    scalars.set(privateKey, known);
  }
  return known;
}

export async function ecdhContentKey(envelope: Envelope, privateKey: CryptoKey): Promise<ContentKey> {
  // The kid names an RSA key (or anything else): the envelope claims a scheme its key does not have.
  if (privateKey.algorithm.name !== 'ECDH' || envelope.epk === undefined) return fail('kid', 'not_an_ecdh_key');
  const point = Buffer.from(envelope.epk, 'base64url');
  // Only the uncompressed form: no compressed or hybrid encoding, and not the point at infinity.
  if (point.length !== POINT_BYTES || point[0] !== UNCOMPRESSED) return fail('epk', 'not_a_p256_point');
  const info = ecdhKdfInfo({ kid: envelope.kid, id: envelope.id, epk: envelope.epk });
  pool ??= agreementPool();
  // Null: OpenSSL refused the point as not on P-256, before any multiplication (no invalid-curve attack).
  // A copy of its own: a small Buffer is a view into a shared 8 KiB slab, which a message would copy whole.
  const key = await pool.agree({ ...scalarOf(privateKey), point: new Uint8Array(point), info });
  return key ? { ok: true, key: Buffer.from(key.buffer, key.byteOffset, key.byteLength) } : fail('epk', 'not_a_p256_point');
}
