import { envelopeAad, type SealedPayload } from '#contract/v1.ts';
import { toBase64url } from './base64url.ts';

/**
 * The part both envelopes share (envelope.ts, envelope-ecdh.ts): the envelope's plain metadata,
 * taken from the payload, and the payload encrypted with AES-256-GCM under the envelope's content
 * key, the metadata as additional data, so that the server refuses an envelope whose metadata was
 * changed after sealing. Only the content key differs: wrapped with RSA, or agreed by ECDH.
 */

const IV_BYTES = 12;

export async function encryptPayload(payload: SealedPayload, id: string, kid: string, contentKey: CryptoKey) {
  const metadata = { id, reference: payload.reference, type: payload.type, schemaVersion: payload.schemaVersion, createdAt: payload.createdAt, kid };
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: envelopeAad(metadata) as Uint8Array<ArrayBuffer> },
    contentKey,
    new TextEncoder().encode(JSON.stringify(payload)),
  );
  return { ...metadata, iv: toBase64url(iv), ciphertext: toBase64url(new Uint8Array(ciphertext)) };
}
