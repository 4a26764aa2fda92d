import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { openPrivateKey, sealPrivateKey } from '../crypto/key-wrap.ts';
import type { NewSubmission, Store, StoredServerKey } from '../store/store.ts';

/**
 * The witness register: how often one person has been a witness, without the witness's CPR
 * number in the database. Each case with a witness stores a keyed hash (HMAC-SHA-256) of the
 * witness's CPR number; only equal numbers give equal hashes, and without the key (sealed under the
 * KEK in the key list, algorithm `HMAC-SHA256-witness`) a hash cannot be tested against the 10^10
 * possible numbers. The key is never rotated: a new key would make every earlier case look new.
 */
export const WITNESS_KEY_ALGORITHM = 'HMAC-SHA256-witness';

/** The request types whose answers name a witness by CPR number (`witnessCpr`). */
export const witnessRequestTypes: readonly string[] = ['get-digital-id', 'home-visit'];

/** The witness's CPR number in a decrypted payload, as ten digits; undefined when the case has no witness. */
export function witnessCprOf(payload: { type: string; data: unknown }): string | undefined {
  if (!witnessRequestTypes.includes(payload.type)) return undefined;
  const cpr = (payload.data as { witnessCpr?: unknown } | null)?.witnessCpr;
  if (typeof cpr !== 'string') return undefined;
  const digits = cpr.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
}

export function generateWitnessKey(kek: Buffer): StoredServerKey {
  const kid = `witness-${randomUUID()}`;
  const jwk: JsonWebKey = { kty: 'oct', k: randomBytes(32).toString('base64url'), alg: 'HS256' };
  return { kid, algorithm: WITNESS_KEY_ALGORITHM, publicJwk: {}, sealedPrivateKey: sealPrivateKey(kek, kid, jwk), createdAt: new Date().toISOString() };
}

export type WitnessDigest = (cpr: string) => string;

/** The register's key (created on first use; several processes racing keep the first). */
export async function loadWitnessDigest(store: Store, kek: Buffer): Promise<WitnessDigest> {
  const stored = (await store.activeServerKey(WITNESS_KEY_ALGORITHM)) ?? (await store.addServerKeyIfNoneActive(generateWitnessKey(kek)));
  const key = Buffer.from(openPrivateKey(kek, stored.kid, stored.sealedPrivateKey).k ?? '', 'base64url');
  return (cpr) => createHmac('sha256', key).update(`witness-cpr:${cpr}`).digest('base64url');
}

/**
 * The store as ingest sees it, with the witness's CPR number replaced by its hash on the way in:
 * the plain number never reaches the database, and no caller can forget to hash it.
 */
export function withWitnessIndex(store: Store, digest: WitnessDigest): Store {
  const hashed = (s: NewSubmission): NewSubmission => {
    const { witnessCpr, ...rest } = s;
    return witnessCpr ? { ...rest, witnessHash: digest(witnessCpr) } : rest;
  };
  const wrapped: Pick<Store, 'insertSubmission' | 'insertSubmissions'> = {
    insertSubmission: (s) => store.insertSubmission(hashed(s)),
    insertSubmissions: (batch) => store.insertSubmissions(batch.map(hashed)),
  };
  // Every other function is the store's own.
  return { ...store, ...wrapped };
}
