import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { ServerKey } from '#contract/v1.ts';
import type { Log } from '../log.ts';
import type { Store, StoredServerKey } from '../store/store.ts';
import { openPrivateKey, sealPrivateKey } from './key-wrap.ts';
import { ECDH_ALGORITHM, ECDH_PARAMS, generateEcdhServerKey, servedEcdhKey } from './server-key-ecdh.ts';

/**
 * The server's RSA-OAEP-256 key pairs (and, beside them, its P-256 key pairs for the key-agreement
 * envelope: server-key-ecdh.ts). A device that knows only the RSA key wraps each submission's AES
 * key with the current public key; only the server can unwrap it. The keys live in the database (so that every process
 * sharing one PostgreSQL decrypts with the same keys), the private halves sealed under the
 * key-encryption key, which is never in the database (key-wrap.ts, key-encryption-key.ts).
 * Rotation (cli-rotate-key.ts) adds a new current key; older keys stay to open what they sealed.
 *
 * 3072 bits: NIST SP 800-57 rates it as 128-bit security, matching AES-256-GCM's use here for the
 * years a municipal archive lasts; 2048 is rated only to 2030. Unwrapping costs about 2 ms of CPU
 * per envelope, the largest share of ingest for RSA envelopes, which is why devices seal new work
 * with the key-agreement envelope once they know the EC key (tests/bench/BENCHMARKS.md, figure 4).
 */
export const RSA_MODULUS_BITS = 3072;
export const RSA_ALGORITHM = 'RSA-OAEP-256';
const RSA_OAEP_256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;
/** How long a process trusts its idea of the current key before asking the database again (a rotation elsewhere). */
export const DEFAULT_KEY_REFRESH_MS = 10_000;

export interface ServerKeyring {
  /** What enrolment hands to devices: the current keys (RSA, and EC as `ecdh`) as last read. */
  readonly active: ServerKey;
  /** The current key, read again from the database when the last read is older than the refresh interval. */
  current(): Promise<ServerKey>;
  /** The private key (RSA-OAEP or ECDH) for a kid, or undefined when no such key exists (the envelope is invalid). */
  privateKey(kid: string): Promise<CryptoKey | undefined>;
}

/** RFC 7638 thumbprint: a kid that names the key's content, the same in every process. */
function thumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** A new key pair, its private half sealed under the KEK at once: it never reaches storage in plain. */
export async function generateServerKey(kek: Buffer): Promise<StoredServerKey> {
  const pair = await crypto.subtle.generateKey(
    { ...RSA_OAEP_256, modulusLength: RSA_MODULUS_BITS, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  );
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const kid = thumbprint(publicJwk);
  return { kid, algorithm: RSA_ALGORITHM, publicJwk, sealedPrivateKey: sealPrivateKey(kek, kid, privateJwk), createdAt: new Date().toISOString() };
}

/** The public JWK as devices import it for wrapKey (WebCrypto checks `key_ops` against the usages asked for). */
export function servedKey(key: Pick<StoredServerKey, 'kid' | 'publicJwk'>): ServerKey {
  const { kty, n, e } = key.publicJwk;
  return { kid: key.kid, jwk: { kty, n, e, alg: 'RSA-OAEP-256', key_ops: ['encrypt', 'wrapKey'], ext: true } };
}

async function storeNewServerKey(store: Store, generated: StoredServerKey, log: Log): Promise<StoredServerKey> {
  // Another process may have stored its own key meanwhile; the store answers the one that won.
  const active = await store.addServerKeyIfNoneActive(generated);
  log('info', active.kid === generated.kid ? 'server_key_generated' : 'server_key_loaded', { kid: active.kid, algorithm: active.algorithm });
  return active;
}

/** What devices are handed: the RSA key as always, and the EC key for the key-agreement envelope beside it. */
function served(rsa: StoredServerKey, ec: StoredServerKey): ServerKey {
  return { ...servedKey(rsa), ecdh: servedEcdhKey(ec) };
}

/** How a stored private key is imported for opening envelopes, by its algorithm; other keys (note keys) open no envelope. */
const IMPORT_AS: Record<string, { params: RsaHashedImportParams | EcKeyImportParams; usages: KeyUsage[] }> = {
  [RSA_ALGORITHM]: { params: RSA_OAEP_256, usages: ['decrypt'] },
  [ECDH_ALGORITHM]: { params: ECDH_PARAMS, usages: ['deriveBits'] },
};

/**
 * How many imported copies of each private key to hold. Node runs WebCrypto's RSA decrypt on the
 * libuv thread pool but holds a lock on the key while it does (src/crypto/crypto_rsa.cc,
 * RSA_Cipher), so concurrent unwraps with ONE CryptoKey run one at a time. With one copy per pool
 * thread (4 unless UV_THREADPOOL_SIZE says otherwise), a batch's unwraps use every core
 * (tests/bench/profile-ingest.ts measures it). A copy is a few KiB.
 */
export function keyCopies(): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  // More copies than twice the cores would only add threads that wait for a core.
  return Math.max(1, Math.min(pool, availableParallelism() * 2));
}

/** Hands out a key's copies in turn, so that concurrent operations rarely wait for one another. */
function roundRobin(copies: CryptoKey[]): () => CryptoKey {
  let next = 0;
  return () => copies[next++ % copies.length]!;
}

export interface KeyringOptions {
  kek: Buffer;
  log: Log;
  /** 0 reads the current key from the database on every ask (tests of rotation). */
  refreshMs?: number;
}

/**
 * Loads the active key, generating and storing one on the very first start. Every stored key is
 * opened once at start, so a wrong KEK stops the server at once with a clear message, not at the
 * first envelope.
 */
export async function loadServerKeyring(store: Store, { kek, log, refreshMs = DEFAULT_KEY_REFRESH_MS }: KeyringOptions): Promise<ServerKeyring> {
  let active = (await store.activeServerKey(RSA_ALGORITHM)) ?? (await storeNewServerKey(store, await generateServerKey(kek), log));
  let activeEc = (await store.activeServerKey(ECDH_ALGORITHM)) ?? (await storeNewServerKey(store, await generateEcdhServerKey(kek), log));
  for (const key of await store.serverKeys()) openPrivateKey(kek, key.kid, key.sealedPrivateKey);
  const importPrivate = async (key: StoredServerKey) => {
    const how = IMPORT_AS[key.algorithm];
    if (!how) return undefined;
    const jwk = openPrivateKey(kek, key.kid, key.sealedPrivateKey);
    return roundRobin(await Promise.all(Array.from({ length: keyCopies() }, () => crypto.subtle.importKey('jwk', jwk, how.params, false, how.usages))));
  };
  // Only real keys are cached: unknown kids come from bad input and must not fill memory.
  const imported = new Map<string, () => CryptoKey>([
    [active.kid, (await importPrivate(active))!],
    [activeEc.kid, (await importPrivate(activeEc))!],
  ]);
  let current = served(active, activeEc);
  let readAt = Date.now();
  return {
    get active() {
      return current;
    },
    async current() {
      if (Date.now() - readAt < refreshMs) return current;
      readAt = Date.now();
      const [now, nowEc] = await Promise.all([store.activeServerKey(RSA_ALGORITHM), store.activeServerKey(ECDH_ALGORITHM)]);
      if ((now && now.kid !== active.kid) || (nowEc && nowEc.kid !== activeEc.kid)) {
        log('info', 'server_key_rotated', { kid: now?.kid ?? active.kid, former: active.kid, ecdhKid: nowEc?.kid ?? activeEc.kid, ecdhFormer: activeEc.kid });
        active = now ?? active;
        activeEc = nowEc ?? activeEc;
        current = served(active, activeEc);
      }
      return current;
    },
    async privateKey(kid) {
      const cached = imported.get(kid);
      if (cached) return cached();
      const stored = await store.serverKey(kid);
      if (!stored) return undefined;
      const next = await importPrivate(stored);
      if (!next) return undefined;
      imported.set(kid, next);
      return next();
    },
  };
}
