import { MAX_STAFF_PASSWORD_LENGTH, MIN_STAFF_PASSWORD_LENGTH } from '#contract/staff.ts';
import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * Staff passwords are hashed with argon2id, which is memory-hard: guessing costs memory as well as
 * time, so GPUs gain little. Parameters are OWASP's minimum recommendation (19 MiB, 2 passes, 1 lane);
 * they are stored inside the encoded hash, so raising them later keeps old hashes verifiable.
 */
const PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

export const MIN_PASSWORD_LENGTH = MIN_STAFF_PASSWORD_LENGTH;
export const MAX_PASSWORD_LENGTH = MAX_STAFF_PASSWORD_LENGTH;

export function hashPassword(password: string): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), ...PARAMS, outputType: 'encoded' });
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without a hash (unknown username) it still does the
 * work of one check, so the response time does not tell a guesser which usernames exist.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    await argon2Verify({ password, hash: await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))) });
    return false;
  }
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}
