import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { openPrivateKey, sealPrivateKey } from '../crypto/key-wrap.ts';
import type { NewSubmission, Store, StoredServerKey, SubmissionFilter } from '../store/store.ts';
import type { SearchTerms } from './search-terms.ts';

/**
 * The keyed blind index that finds a case by CPR number or name without storing either: each
 * CPR number and each name token is stored only as HMAC-SHA-256 under a search key that is kept
 * like the server's private keys (sealed under the KEK in the key list, algorithm
 * `HMAC-SHA256-search`, no public half). The key is never rotated on its own: a new key would make
 * every stored digest unfindable until all cases were indexed again.
 */
export const SEARCH_KEY_ALGORITHM = 'HMAC-SHA256-search';

export type DigestKind = 'cpr' | 'name';
export interface SearchDigest {
  kind: DigestKind;
  digest: string;
}

export interface BlindIndex {
  digest(kind: DigestKind, value: string): string;
  digestsOf(terms: SearchTerms): SearchDigest[];
}

function generateSearchKey(kek: Buffer): StoredServerKey {
  const kid = `search-${randomUUID()}`;
  const jwk: JsonWebKey = { kty: 'oct', k: randomBytes(32).toString('base64url'), alg: 'HS256' };
  return { kid, algorithm: SEARCH_KEY_ALGORITHM, publicJwk: {}, sealedPrivateKey: sealPrivateKey(kek, kid, jwk), createdAt: new Date().toISOString() };
}

/** The search key (created on first use; several processes racing keep the first). */
export async function loadBlindIndex(store: Store, kek: Buffer): Promise<BlindIndex> {
  const stored = (await store.activeServerKey(SEARCH_KEY_ALGORITHM)) ?? (await store.addServerKeyIfNoneActive(generateSearchKey(kek)));
  const key = Buffer.from(openPrivateKey(kek, stored.kid, stored.sealedPrivateKey).k ?? '', 'base64url');
  // The kind is part of the message, so a CPR digest never equals a name token's.
  const digest = (kind: DigestKind, value: string) => createHmac('sha256', key).update(`${kind}\u0000${value}`, 'utf8').digest('base64url');
  return {
    digest,
    digestsOf: (terms) => [
      ...terms.cprs.map((v) => ({ kind: 'cpr' as const, digest: digest('cpr', v) })),
      ...terms.names.map((v) => ({ kind: 'name' as const, digest: digest('name', v) })),
    ],
  };
}

/**
 * The store as routes and ingest see it, with search terms turned into digests on the way in: the
 * plain CPR number or name a caseworker typed, or that ingest read from the payload, never reaches
 * the database, not even as a query parameter.
 */
export function withBlindIndex(store: Store, index: BlindIndex): Store {
  const wrapped: Pick<Store, 'insertSubmissions' | 'listSubmissions'> = {
    insertSubmissions: (batch) =>
      store.insertSubmissions(
        batch.map(({ searchTerms, ...s }): NewSubmission => (searchTerms ? { ...s, searchDigests: index.digestsOf(searchTerms) } : s)),
      ),
    listSubmissions: ({ cpr, nameTokens, ...filter }) => {
      const digested: SubmissionFilter = { ...filter };
      if (cpr !== undefined) digested.cprDigest = index.digest('cpr', cpr);
      if (nameTokens !== undefined) digested.nameDigests = nameTokens.map((t) => index.digest('name', t));
      return store.listSubmissions(digested);
    },
  };
  // Every other function is the store's own.
  return { ...store, ...wrapped };
}
