import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Log } from '../log.ts';

/**
 * The key-encryption key (KEK): 32 bytes that encrypt the server's private keys in the database.
 * It is never stored in the database, so a copy of the database (a backup, a stolen disk, a
 * `pg_dump`, a role that can read the tables) decrypts nothing on its own.
 */
export const KEK_BYTES = 32;

export interface KekSource {
  /** KEY_ENCRYPTION_KEY: base64 (or base64url) of 32 random bytes. */
  key?: string;
  /** KEY_ENCRYPTION_KEY_FILE: a file holding the same text. */
  file?: string;
  /** NODE_ENV=production: a KEK must be configured, never generated. */
  production?: boolean;
  /** Where SQLite lives; a generated KEK goes in a file beside it (never inside it). */
  dataDir: string;
}

export interface ResolvedKek {
  key: Buffer;
  /** Where it came from, for the start-up log (never the key itself). */
  source: 'KEY_ENCRYPTION_KEY' | 'KEY_ENCRYPTION_KEY_FILE' | 'generated' | 'generated-file';
  path?: string;
}

/** Thrown for every configuration problem: main.ts prints its message, not a stack trace. */
export class KekError extends Error {}

const HOW_TO_MAKE = 'make one with `openssl rand -base64 32`';

/** Parses the text form of a KEK, saying exactly what is wrong with it. */
export function parseKek(text: string, name: string): Buffer {
  const trimmed = text.trim();
  if (trimmed === '') throw new KekError(`${name} is empty; it must be 32 random bytes in base64 (${HOW_TO_MAKE})`);
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    throw new KekError(`${name} is not base64: it must be 32 random bytes in base64, 44 characters (${HOW_TO_MAKE})`);
  }
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== KEK_BYTES) {
    throw new KekError(`${name} decodes to ${key.length} bytes; it must be exactly ${KEK_BYTES} random bytes in base64 (${HOW_TO_MAKE})`);
  }
  return key;
}

/**
 * Where a laptop's generated KEK lives: a file BESIDE the data directory, not inside it
 * (`./data` → `./data.key-encryption-key`), so that a copy or backup of the data directory never
 * carries the key that opens it.
 */
export function generatedKekPath(dataDir: string): string {
  return `${resolve(dataDir).replace(/\/+$/, '')}.key-encryption-key`;
}

/**
 * Finds the KEK: KEY_ENCRYPTION_KEY, else KEY_ENCRYPTION_KEY_FILE; without either, production
 * refuses to start, and development uses (or creates, 0600) the file beside the data directory.
 */
export function resolveKek(source: KekSource): ResolvedKek {
  if (source.key && source.file) throw new KekError('Set KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE, not both');
  if (source.key) return { key: parseKek(source.key, 'KEY_ENCRYPTION_KEY'), source: 'KEY_ENCRYPTION_KEY' };
  if (source.file) {
    let text: string;
    try {
      text = readFileSync(source.file, 'utf8');
    } catch (err) {
      throw new KekError(`Cannot read KEY_ENCRYPTION_KEY_FILE ${source.file}: ${(err as Error).message}`);
    }
    return { key: parseKek(text, `KEY_ENCRYPTION_KEY_FILE ${source.file}`), source: 'KEY_ENCRYPTION_KEY_FILE', path: source.file };
  }
  if (source.production) {
    throw new KekError(
      'NODE_ENV=production needs a key-encryption key: set KEY_ENCRYPTION_KEY (32 random bytes in base64) or ' +
        `KEY_ENCRYPTION_KEY_FILE (a file holding it); ${HOW_TO_MAKE}, and keep it apart from the database and its backups`,
    );
  }
  const path = generatedKekPath(source.dataDir);
  if (existsSync(path)) {
    if ((statSync(path).mode & 0o077) !== 0) throw new KekError(`${path} is readable by other users; chmod 600 it`);
    return { key: parseKek(readFileSync(path, 'utf8'), path), source: 'generated-file', path };
  }
  const key = randomBytes(KEK_BYTES);
  // 'wx': never overwrite a key another process wrote meanwhile (that key may already seal data).
  try {
    writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return resolveKek(source);
    throw new KekError(`Cannot create the key-encryption key file ${path}: ${(err as Error).message}`);
  }
  return { key, source: 'generated', path };
}

/** Says where the KEK came from, never what it is. */
export function logKek(kek: ResolvedKek, log: Log): void {
  if (kek.source === 'generated') {
    log('warn', 'key_encryption_key_generated', {
      path: kek.path,
      hint: 'development only: back this file up apart from the data directory; production needs KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE',
    });
  } else if (kek.source === 'generated-file') {
    log('warn', 'key_encryption_key_from_generated_file', { path: kek.path, hint: 'development only; production needs KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE' });
  } else {
    log('info', 'key_encryption_key_loaded', { source: kek.source });
  }
}
