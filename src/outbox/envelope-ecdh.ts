import { ECDH_ALG, ecdhKdfInfo, type Envelope, type PublicServerKey, type SealedPayload } from '#contract/v1.ts';
import { toBase64url } from './base64url.ts';
import { encryptPayload } from './payload-cipher.ts';

/**
 * The key-agreement envelope (ECDH_ALG): a fresh ephemeral P-256 key pair per submission agrees a
 * secret with the server's EC public key; HKDF-SHA-256 turns it into the AES-256-GCM key, bound to
 * the scheme, the server's kid, the envelope id and the ephemeral key (ecdhKdfInfo). The ephemeral
 * private key is not extractable and is dropped once its envelope is sealed: once sealed, nothing on
 * the device can open the envelope again, only the server's private key can. Costs the server one
 * P-256 scalar multiplication per envelope instead of an RSA-3072 decryption.
 *
 * The agreement does not depend on the submission, so the one for the next envelope may be made
 * ahead, off the citizen's wait (prepareEcdhSeal, after a submit): it holds only key material, no
 * answers, lives in memory only, and is taken by exactly one envelope (never two: forward secrecy
 * per envelope holds).
 */

const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
/** RFC 5869: without a salt HKDF uses HashLen zero bytes; the binding is in `info`, and the ephemeral key makes every secret fresh. */
const NO_SALT = new Uint8Array(0);

/** One ephemeral key's agreement with one server key: the HKDF input key and the ephemeral public key. */
interface Agreement {
  /** Which server key it was agreed with (keyId). */
  with: string;
  epk: string;
  hkdf: CryptoKey;
}

/** The next envelope's agreement, made ahead; taken (and cleared) by the next seal for the same key. */
let prepared: Promise<Agreement> | undefined;
/** The server's imported public key, by keyId: importing it is a WebCrypto round trip per envelope otherwise. */
let imported: { id: string; key: Promise<CryptoKey> } | undefined;

export async function sealEcdh(payload: SealedPayload, meta: { id: string }, serverKey: PublicServerKey): Promise<Envelope> {
  const { epk, hkdf } = await takeAgreement(serverKey);
  const info = ecdhKdfInfo({ kid: serverKey.kid, id: meta.id, epk }) as Uint8Array<ArrayBuffer>;
  const contentKey = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: NO_SALT, info }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  return { ...(await encryptPayload(payload, meta.id, serverKey.kid, contentKey)), alg: ECDH_ALG, epk };
}

/**
 * Makes the agreement for the next envelope sealed to `serverKey` now, so that the next seal only
 * derives its key and encrypts. Call when nobody waits (after a submit). Idempotent.
 */
export function prepareEcdhSeal(serverKey: PublicServerKey): void {
  if (prepared) return;
  const next = agree(serverKey);
  // A failure here (say, a key the browser refuses) is the next seal's to report, made afresh.
  next.catch(() => {
    if (prepared === next) prepared = undefined;
  });
  prepared = next;
}

/** The prepared agreement when it was made with this server key (cleared either way: one use only); else a new one. */
async function takeAgreement(serverKey: PublicServerKey): Promise<Agreement> {
  const ready = prepared;
  prepared = undefined;
  if (ready) {
    const agreement = await ready.catch(() => undefined);
    if (agreement?.with === keyId(serverKey)) return agreement;
  }
  return agree(serverKey);
}

async function agree(serverKey: PublicServerKey): Promise<Agreement> {
  const id = keyId(serverKey);
  let cached = imported;
  if (cached?.id !== id) {
    const fresh = { id, key: importServerEcdhKey(serverKey) };
    fresh.key.catch(() => {
      if (imported === fresh) imported = undefined;
    });
    imported = cached = fresh;
  }
  const serverPublic = await cached.key;
  const ephemeral = await crypto.subtle.generateKey(P256, false, ['deriveBits']);
  const [raw, secret] = await Promise.all([
    crypto.subtle.exportKey('raw', ephemeral.publicKey),
    crypto.subtle.deriveBits({ name: 'ECDH', public: serverPublic }, ephemeral.privateKey, 256),
  ]);
  const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return { with: id, epk: toBase64url(new Uint8Array(raw)), hkdf };
}

/** The server key's identity for the caches: its kid and its point (a kid reused for a new key is a new key). */
function keyId(serverKey: PublicServerKey): string {
  const { crv, x, y } = serverKey.jwk;
  return `${serverKey.kid} ${crv} ${x} ${y}`;
}

/**
 * Imports the server's EC public key. Only the curve and point are taken (a served `key_ops` must
 * not narrow what the device may do); WebCrypto refuses a point that is not on P-256. Throws when it
 * is not a P-256 key, so the device keeps sealing with RSA.
 */
export async function importServerEcdhKey(serverKey: PublicServerKey): Promise<CryptoKey> {
  const { kty, crv, x, y } = serverKey.jwk;
  if (kty !== 'EC' || crv !== 'P-256' || !x || !y) {
    throw new TypeError(`outbox.importServerEcdhKey: ${serverKey.kid} is not a P-256 public key`);
  }
  return crypto.subtle.importKey('jwk', { kty, crv, x, y }, P256, false, []);
}
