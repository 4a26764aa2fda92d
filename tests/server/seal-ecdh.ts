import { ECDH_ALG, ecdhKdfInfo, envelopeAad, type Envelope, type PublicServerKey, type SealedPayload } from '#contract/v1.ts';
import { b64url } from './seal.ts';

/**
 * Seals a key-agreement envelope as the contract describes it (docs/wire-contract.md), written here
 * rather than imported from src/outbox, so that the server is tested against the contract: a fresh
 * ephemeral P-256 key, ECDH with the served EC key, HKDF-SHA-256 (no salt, ecdhKdfInfo as info) to
 * an AES-256-GCM key, a 12-byte IV, the envelope metadata as additional data, the ephemeral key as
 * an uncompressed point in `epk`.
 */
export async function sealEcdh(payload: SealedPayload, id: string, ecKey: PublicServerKey, overrides: Partial<Envelope> = {}): Promise<Envelope> {
  const P256 = { name: 'ECDH', namedCurve: 'P-256' };
  const serverPublic = await crypto.subtle.importKey('jwk', ecKey.jwk, P256, false, []);
  const ephemeral = await crypto.subtle.generateKey(P256, true, ['deriveBits']);
  const epk = b64url(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: serverPublic }, ephemeral.privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  const info = ecdhKdfInfo({ kid: ecKey.kid, id, epk }) as Uint8Array<ArrayBuffer>;
  const aesKey = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const meta = { id, reference: payload.reference, type: payload.type, schemaVersion: payload.schemaVersion, createdAt: payload.createdAt, kid: ecKey.kid, ...overrides };
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: envelopeAad(meta) as Uint8Array<ArrayBuffer> }, aesKey, new TextEncoder().encode(JSON.stringify(payload)));
  return { ...meta, alg: ECDH_ALG, epk, iv: b64url(iv), ciphertext: b64url(ciphertext) };
}
