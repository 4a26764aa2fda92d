import { envelopeAad, type Envelope, type SealedPayload, type ServerKey } from '#contract/v1.ts';

/**
 * Seals a payload exactly as a device does (docs/outbox-and-privacy.md), written
 * here from the contract rather than imported from src/outbox, so that the server is tested
 * against the contract and not against the client's reading of it: a fresh AES-256-GCM key and a
 * 12-byte IV, the envelope metadata as additional data, the raw AES key wrapped with RSA-OAEP
 * SHA-256 imported from the served JWK, binary fields as base64url without padding.
 */
export const b64url = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');

export async function seal(payload: SealedPayload, id: string, serverKey: ServerKey, overrides: Partial<Envelope> = {}): Promise<Envelope> {
  const publicKey = await crypto.subtle.importKey('jwk', serverKey.jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
  const aesKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const meta = {
    id,
    reference: payload.reference,
    type: payload.type,
    schemaVersion: payload.schemaVersion,
    createdAt: payload.createdAt,
    kid: serverKey.kid,
    ...overrides,
  };
  const plaintext = new TextEncoder().encode(JSON.stringify(payload));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: envelopeAad(meta) as Uint8Array<ArrayBuffer> }, aesKey, plaintext);
  const wrappedKey = await crypto.subtle.wrapKey('raw', aesKey, publicKey, { name: 'RSA-OAEP' });
  return { ...meta, iv: b64url(iv), wrappedKey: b64url(wrappedKey), ciphertext: b64url(ciphertext) };
}
