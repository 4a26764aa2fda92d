import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KekError } from './key-encryption-key.ts';

/**
 * Private keys at rest: AES-256-GCM under the key-encryption key, with the key's kid as additional
 * data, so that a sealed key cannot be swapped under another kid unnoticed. Stored as
 * `kek1.<iv>.<ciphertext+tag>` (base64url); the prefix names the format, so a later one can sit beside it.
 */
const FORMAT = 'kek1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealPrivateKey(kek: Buffer, kid: string, privateJwk: JsonWebKey): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(kid, 'utf8'));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(privateJwk), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
}

/** Opens a sealed private key; a wrong KEK (or a tampered row) is a clear KekError, never a crypto stack trace. */
export function openPrivateKey(kek: Buffer, kid: string, sealed: string): JsonWebKey {
  const [format, iv, body] = sealed.split('.');
  if (format !== FORMAT || !iv || !body) throw new KekError(`The server key ${kid} in the database is not in a known sealed format`);
  const bytes = Buffer.from(body, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(kid, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as JsonWebKey;
  } catch {
    throw new KekError(
      `The key-encryption key does not open the server key ${kid} stored in the database: it is not the key it was ` +
        'encrypted with (check KEY_ENCRYPTION_KEY / KEY_ENCRYPTION_KEY_FILE, or that DATA_DIR / DATABASE_URL is the right database)',
    );
  }
}
