import { createDecipheriv } from 'node:crypto';
import * as v from 'valibot';
import { ECDH_ALG, MAX_ASSISTED_BY, envelopeAad, type Envelope, type FieldError, type SealedPayload } from '#contract/v1.ts';
import type { RequestTypeRegistry } from '#forms/registry.ts';
import { hostileInputErrors } from '#forms/engine/hostile-input.ts';
import { ecdhContentKey, type ContentKey } from './open-envelope-ecdh.ts';

/**
 * Opens an envelope the way the device sealed it (src/outbox/envelope.ts): RSA-OAEP-256 unwraps the
 * AES-256-GCM key (or, for the key-agreement envelope, ECDH and HKDF derive it:
 * open-envelope-ecdh.ts), AES-GCM decrypts with the envelope's metadata as additional data, and the
 * plaintext is a JSON SealedPayload. Every failure is the sender's: it becomes `invalid` with
 * errors, never an exception.
 */

const AES_KEY_BYTES = 32;

const sealedPayloadSchema = v.object({
  type: v.string(),
  schemaVersion: v.number(),
  reference: v.string(),
  createdAt: v.string(),
  assisted: v.optional(v.boolean()),
  // Added for the staff tablets (assisted service); older envelopes have neither.
  assistedBy: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ASSISTED_BY))),
  data: v.record(v.string(), v.unknown()),
});

export type Decrypted = { ok: true; payload: SealedPayload } | { ok: false; errors: FieldError[] };

const fail = (path: string, code: string): Decrypted => ({ ok: false, errors: [{ path, code }] });
const bytes = (base64url: string) => new Uint8Array(Buffer.from(base64url, 'base64url'));
const TAG_BYTES = 16;
/** Refuses bytes that are not UTF-8 (a decoder without `stream` keeps no state between calls). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The envelope's AES key: unwrapped with RSA-OAEP (no `alg`), or agreed by ECDH (ECDH_ALG). */
async function contentKey(envelope: Envelope, privateKey: CryptoKey): Promise<ContentKey> {
  if (envelope.alg === ECDH_ALG) return ecdhContentKey(envelope, privateKey);
  if (privateKey.algorithm.name !== 'RSA-OAEP' || envelope.wrappedKey === undefined) return { ok: false, errors: [{ path: 'kid', code: 'not_an_rsa_key' }] };
  let rawKey: ArrayBuffer;
  try {
    rawKey = await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, bytes(envelope.wrappedKey));
  } catch {
    return { ok: false, errors: [{ path: 'wrappedKey', code: 'unwrap_failed' }] };
  }
  if (rawKey.byteLength !== AES_KEY_BYTES) return { ok: false, errors: [{ path: 'wrappedKey', code: 'not_aes_256_key' }] };
  return { ok: true, key: Buffer.from(rawKey) };
}

/**
 * AES-256-GCM as WebCrypto seals it (the 16-byte tag after the ciphertext), opened with node:crypto
 * in one synchronous call: a few microseconds, where a WebCrypto key import and thread-pool job cost
 * many times that. Undefined when the tag does not verify.
 */
function openAesGcm(key: Buffer, iv: Buffer, aad: Uint8Array, sealed: Buffer): Buffer | undefined {
  if (sealed.length < TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const head = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    const tail = decipher.final();
    return tail.length === 0 ? head : Buffer.concat([head, tail]);
  } catch {
    return undefined;
  }
}

/** Decrypts and parses, without judging the payload: what staff read back from storage. */
export async function decryptEnvelope(envelope: Envelope, privateKey: CryptoKey): Promise<Decrypted> {
  const key = await contentKey(envelope, privateKey);
  if (!key.ok) return key;
  const plaintext = openAesGcm(key.key, Buffer.from(envelope.iv, 'base64url'), envelopeAad(envelope), Buffer.from(envelope.ciphertext, 'base64url'));
  // The tag check failed: wrong key, tampered ciphertext, or metadata changed after sealing.
  if (!plaintext) return fail('ciphertext', 'decrypt_failed');
  let json: unknown;
  try {
    json = JSON.parse(UTF8.decode(plaintext));
  } catch {
    return fail('ciphertext', 'not_json');
  }
  // Before any schema copies the payload (and silently drops a __proto__ key): see hostile-input.ts.
  const hostile = hostileInputErrors(json);
  if (hostile.length > 0) return { ok: false, errors: hostile.map((e) => ({ path: e.path.startsWith('data.') ? e.path.slice(5) : `payload.${e.path}`, code: e.code })) };
  const parsed = v.safeParse(sealedPayloadSchema, json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.map((i) => ({ path: `payload.${v.getDotPath(i) ?? ''}`, code: i.type })) };
  }
  return { ok: true, payload: parsed.output };
}

/**
 * Decrypts, checks that the sealed metadata equals the envelope's, and validates `data` with the
 * same schema the app used (the registry the server was started with, request-types.ts). Data errors keep the registry's paths, so the
 * device can point at the field.
 */
export async function openEnvelope(envelope: Envelope, privateKey: CryptoKey, registry: RequestTypeRegistry): Promise<Decrypted> {
  const decrypted = await decryptEnvelope(envelope, privateKey);
  if (!decrypted.ok) return decrypted;
  const { payload } = decrypted;
  const mismatches = (['type', 'schemaVersion', 'reference', 'createdAt'] as const)
    .filter((field) => payload[field] !== envelope[field])
    .map((field) => ({ path: `payload.${field}`, code: 'mismatch' }));
  if (mismatches.length > 0) return { ok: false, errors: mismatches };
  const validation = registry.validate(payload.type, payload.schemaVersion, payload.data);
  return validation.ok ? decrypted : { ok: false, errors: validation.errors };
}
