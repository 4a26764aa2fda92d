import type { Envelope, SealedPayload, ServerKey } from '#contract/v1.ts';
import { toBase64url } from './base64url.ts';
import { prepareEcdhSeal, sealEcdh } from './envelope-ecdh.ts';
import { encryptPayload } from './payload-cipher.ts';

/**
 * Envelope encryption for the server: a fresh
 * AES-256-GCM key per submission, wrapped with the server's RSA-OAEP-256 public key. The AES key
 * is extractable only so that wrapKey can export it, and is dropped when this returns, so the
 * device can never read back what it queued.
 */

/**
 * Seals a payload for the server; the envelope's metadata is taken from the payload and bound to the
 * ciphertext. New work goes to the server's EC key when the device knows one (envelope-ecdh.ts: far
 * cheaper for the server to open); otherwise, and on servers that publish none, to its RSA key.
 * Only new work is sealed here: a queued envelope is sent as it was sealed, never sealed again.
 */
export async function seal(payload: SealedPayload, meta: { id: string }, serverKey: ServerKey): Promise<Envelope> {
  if (serverKey.ecdh) return sealEcdh(payload, meta, serverKey.ecdh);
  return sealRsa(payload, meta, serverKey);
}

/**
 * Readies what the next seal to this server key can do before it has a payload (envelope-ecdh.ts:
 * the ephemeral key's agreement), so that the next submit waits for less. Call when nobody waits.
 */
export function prepareSeal(serverKey: ServerKey): void {
  if (serverKey.ecdh) prepareEcdhSeal(serverKey.ecdh);
}

/** The RSA-OAEP envelope of contract v1 as it always was (no `alg`). */
export async function sealRsa(payload: SealedPayload, meta: { id: string }, serverKey: ServerKey): Promise<Envelope> {
  const publicKey = await importServerKey(serverKey);
  const contentKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const sealed = await encryptPayload(payload, meta.id, serverKey.kid, contentKey);
  const wrappedKey = await crypto.subtle.wrapKey('raw', contentKey, publicKey, { name: 'RSA-OAEP' });
  return { ...sealed, wrappedKey: toBase64url(new Uint8Array(wrappedKey)) };
}

/**
 * Imports the server's public key for wrapping. Only the RSA parameters are taken: a JWK's
 * `key_ops` or `ext` as the server wrote them must not narrow what the device may do with it.
 * Throws when the key is not an RSA-OAEP-256 public key, so enrolment can refuse it up front.
 */
export async function importServerKey(serverKey: ServerKey): Promise<CryptoKey> {
  const { kty, n, e, alg } = serverKey.jwk;
  if (kty !== 'RSA' || !n || !e || (alg !== undefined && alg !== 'RSA-OAEP-256')) {
    throw new TypeError(`outbox.importServerKey: ${serverKey.kid} is not an RSA-OAEP-256 public key`);
  }
  return crypto.subtle.importKey('jwk', { kty, n, e, alg: 'RSA-OAEP-256' }, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, [
    'wrapKey',
    'encrypt',
  ]);
}
