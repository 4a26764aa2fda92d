/**
 * The tablet's key handling, WebCrypto only:
 * - a random AES-256-GCM drafts key encrypts each draft (fresh 12-byte IV, [id, formId] as AAD);
 * - it is stored wrapped with AES-KW (RFC 3394) under a key derived from the PIN with
 *   PBKDF2-HMAC-SHA-256 and a random 16-byte salt per profile. A wrong PIN derives another key and
 *   AES-KW's integrity check makes the unwrap fail: no PIN hash is stored beside it.
 */

/**
 * OWASP Password Storage Cheat Sheet (PBKDF2): "PBKDF2-HMAC-SHA256: 600,000 iterations"
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html). Argon2id
 * would be better against GPUs but is not in WebCrypto; the limit of MAX_WRONG_PINS guards the
 * online case, and this count slows an attacker who copied the database.
 */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
const IV_BYTES = 12;

const encoder = new TextEncoder();

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** The key-wrapping key from the PIN. Not extractable. */
export async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A new drafts key, wrapped under the PIN key. Returns the wrapped bytes and a non-extractable copy for use. */
export async function newDraftsKey(wrapping: CryptoKey): Promise<{ wrapped: Uint8Array; key: CryptoKey }> {
  // Extractable only so that wrapKey can export it; the copy kept in memory is unwrapped as non-extractable.
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const wrapped = new Uint8Array(await crypto.subtle.wrapKey('raw', fresh, wrapping, 'AES-KW'));
  const key = await unwrapDraftsKey(wrapped, wrapping);
  if (!key) throw new Error('tablet.crypto: a freshly wrapped key did not unwrap');
  return { wrapped, key };
}

/** The drafts key, or undefined when the wrapping key is not the one it was wrapped with (a wrong PIN). */
export async function unwrapDraftsKey(wrapped: Uint8Array, wrapping: CryptoKey): Promise<CryptoKey | undefined> {
  try {
    return await crypto.subtle.unwrapKey('raw', wrapped as Uint8Array<ArrayBuffer>, wrapping, 'AES-KW', { name: 'AES-GCM' }, false, [
      'encrypt',
      'decrypt',
    ]);
  } catch {
    return undefined;
  }
}

/**
 * The same drafts key wrapped under a new PIN key, or undefined when `current` is not the key it
 * is wrapped with (a wrong PIN). The key is extractable only inside this call, to be wrapped again.
 */
export async function rewrapDraftsKey(wrapped: Uint8Array, current: CryptoKey, next: CryptoKey): Promise<Uint8Array | undefined> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.unwrapKey('raw', wrapped as Uint8Array<ArrayBuffer>, current, 'AES-KW', { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
  } catch {
    return undefined;
  }
  return new Uint8Array(await crypto.subtle.wrapKey('raw', key, next, 'AES-KW'));
}

const aad = (id: string, formId: string) => encoder.encode(JSON.stringify([id, formId]));

export async function encryptDraft(key: CryptoKey, id: string, formId: string, content: unknown): Promise<{ iv: Uint8Array; ciphertext: Uint8Array }> {
  const iv = randomBytes(IV_BYTES);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(id, formId) }, key, encoder.encode(JSON.stringify(content)));
  return { iv, ciphertext: new Uint8Array(ciphertext) };
}

/** Throws when the tag does not match (another key, a changed ciphertext, or id/formId moved). */
export async function decryptDraft(key: CryptoKey, id: string, formId: string, iv: Uint8Array, ciphertext: Uint8Array): Promise<unknown> {
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: aad(id, formId) },
    key,
    ciphertext as Uint8Array<ArrayBuffer>,
  );
  return JSON.parse(new TextDecoder().decode(plaintext));
}
