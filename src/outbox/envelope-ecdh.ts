import { ECDH_ALG, ecdhKdfInfo, envelopeAad, type Envelope, type PublicServerKey, type SealedPayload } from '#contract/v1.ts';
import { toBase64url } from './base64url.ts';

/**
 * The key-agreement envelope (ECDH_ALG): a fresh ephemeral P-256 key pair per submission agrees a
 * secret with the server's EC public key; HKDF-SHA-256 turns it into the AES-256-GCM key, bound to
 * the scheme, the server's kid, the envelope id and the ephemeral key (ecdhKdfInfo). The ephemeral
 * private key is not extractable and is dropped when this returns: once sealed, nothing on the
 * device can open the envelope again, only the server's private key can. Costs the server one
 * P-256 scalar multiplication per envelope instead of an RSA-3072 decryption.
 */

const IV_BYTES = 12;
const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
/** RFC 5869: without a salt HKDF uses HashLen zero bytes; the binding is in `info`, and the ephemeral key makes every secret fresh. */
const NO_SALT = new Uint8Array(0);

export async function sealEcdh(payload: SealedPayload, meta: { id: string }, serverKey: PublicServerKey): Promise<Envelope> {
  const serverPublic = await importServerEcdhKey(serverKey);
  const ephemeral = await crypto.subtle.generateKey(P256, false, ['deriveBits']);
  const epk = toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey)));
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: serverPublic }, ephemeral.privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  const info = ecdhKdfInfo({ kid: serverKey.kid, id: meta.id, epk }) as Uint8Array<ArrayBuffer>;
  const contentKey = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: NO_SALT, info }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const metadata = {
    id: meta.id,
    reference: payload.reference,
    type: payload.type,
    schemaVersion: payload.schemaVersion,
    createdAt: payload.createdAt,
    kid: serverKey.kid,
  };
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: envelopeAad(metadata) as Uint8Array<ArrayBuffer> },
    contentKey,
    new TextEncoder().encode(JSON.stringify(payload)),
  );
  return { ...metadata, alg: ECDH_ALG, epk, iv: toBase64url(iv), ciphertext: toBase64url(new Uint8Array(ciphertext)) };
}

/**
 * Imports the server's EC public key. Only the curve and point are taken (a served `key_ops` must
 * not narrow what the device may do); WebCrypto refuses a point that is not on P-256. Throws when it
 * is not a P-256 key, so the device keeps sealing with RSA.
 */
export async function importServerEcdhKey(serverKey: PublicServerKey): Promise<CryptoKey> {
  const { kty, crv, x, y } = serverKey.jwk;
  if (kty !== 'EC' || crv !== 'P-256' || !x || !y) {
    throw new TypeError(`outbox.importServerEcdhKey: ${serverKey.kid} is not a P-256 public key`);
  }
  return crypto.subtle.importKey('jwk', { kty, crv, x, y }, P256, false, []);
}
