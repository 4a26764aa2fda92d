import { randomUUID } from 'node:crypto';
import { envelopeAad, type Envelope, type SealedPayload, type ServerKey } from '#contract/v1.ts';

/**
 * Seals a payload as a device does, from the contract (a copy of tests/server/seal.ts: the browser
 * tests need submissions on the shared server without driving a kiosk through a whole form).
 */
const b64url = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');

export async function seal(payload: SealedPayload, serverKey: ServerKey, id = randomUUID()): Promise<Envelope> {
  const publicKey = await crypto.subtle.importKey('jwk', serverKey.jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
  const aesKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const meta = { id, reference: payload.reference, type: payload.type, schemaVersion: payload.schemaVersion, createdAt: payload.createdAt, kid: serverKey.kid };
  const plaintext = new TextEncoder().encode(JSON.stringify(payload));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: envelopeAad(meta) as Uint8Array<ArrayBuffer> }, aesKey, plaintext);
  const wrappedKey = await crypto.subtle.wrapKey('raw', aesKey, publicKey, { name: 'RSA-OAEP' });
  return { ...meta, iv: b64url(iv), wrappedKey: b64url(wrappedKey), ciphertext: b64url(ciphertext) };
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A reference in the device's grouped form (K7QM-3XRT-9PWA); the server checks its characters only. */
export function randomReference(): string {
  const symbols = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => ALPHABET[b & 31]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}
