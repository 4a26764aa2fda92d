import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { ServerKey } from '../../contract/v1.ts';
import type { Log } from '../log.ts';
import type { Store, StoredServerKey } from '../store/store.ts';

/**
 * The server's RSA-OAEP-256 key pair. Devices wrap each submission's AES key with the public half;
 * only the server can unwrap it. It lives in the database, not in a file, so that every process
 * sharing one PostgreSQL decrypts with the same key.
 *
 * 3072 bits: NIST SP 800-57 rates it as 128-bit security, matching AES-256-GCM's use here for the
 * years a municipal archive lasts; 2048 is rated only to 2030. Unwrapping costs about 2 ms of CPU
 * per envelope, the largest share of ingest (tests/bench/BENCHMARKS.md, figure 4, has the profile
 * and the 2048-bit trade-off).
 */
export const RSA_MODULUS_BITS = 3072;
const RSA_OAEP_256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

export interface ServerKeyring {
  /** What enrolment hands to devices. */
  readonly active: ServerKey;
  /** The private key for a kid, or undefined when no such key exists (the envelope is invalid). */
  privateKey(kid: string): Promise<CryptoKey | undefined>;
}

/** RFC 7638 thumbprint: a kid that names the key's content, the same in every process. */
function thumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

async function generateServerKey(): Promise<StoredServerKey> {
  const pair = await crypto.subtle.generateKey(
    { ...RSA_OAEP_256, modulusLength: RSA_MODULUS_BITS, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  );
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { kid: thumbprint(publicJwk), publicJwk, privateJwk, createdAt: new Date().toISOString() };
}

/** The public JWK as devices import it for wrapKey (WebCrypto checks `key_ops` against the usages asked for). */
function servedKey(key: StoredServerKey): ServerKey {
  const { kty, n, e } = key.publicJwk;
  return { kid: key.kid, jwk: { kty, n, e, alg: 'RSA-OAEP-256', key_ops: ['encrypt', 'wrapKey'], ext: true } };
}

async function storeNewServerKey(store: Store, log: Log): Promise<StoredServerKey> {
  const generated = await generateServerKey();
  // Another process may have stored its own key meanwhile; the store answers the one that won.
  const active = await store.addServerKeyIfNoneActive(generated);
  log('info', active.kid === generated.kid ? 'server_key_generated' : 'server_key_loaded', { kid: active.kid, bits: RSA_MODULUS_BITS });
  return active;
}

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

/** Loads the active key, generating and storing one on the very first start. */
export async function loadServerKeyring(store: Store, log: Log): Promise<ServerKeyring> {
  const active = (await store.activeServerKey()) ?? (await storeNewServerKey(store, log));
  const importPrivate = async (key: StoredServerKey) =>
    roundRobin(await Promise.all(Array.from({ length: keyCopies() }, () => crypto.subtle.importKey('jwk', key.privateJwk, RSA_OAEP_256, false, ['decrypt']))));
  // Only real keys are cached: unknown kids come from bad input and must not fill memory.
  const imported = new Map<string, () => CryptoKey>([[active.kid, await importPrivate(active)]]);
  return {
    active: servedKey(active),
    async privateKey(kid) {
      const cached = imported.get(kid);
      if (cached) return cached();
      const stored = await store.serverKey(kid);
      if (!stored) return undefined;
      const next = await importPrivate(stored);
      imported.set(kid, next);
      return next();
    },
  };
}
