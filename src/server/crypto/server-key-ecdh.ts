import { createHash } from 'node:crypto';
import type { PublicServerKey } from '#contract/v1.ts';
import type { StoredServerKey } from '../store/store.ts';
import { sealPrivateKey } from './key-wrap.ts';

/**
 * The server's P-256 key pairs for the key-agreement envelope (ECDH_ALG in src/contract/v1.ts),
 * kept beside the RSA ones in the same table, the private half sealed under the key-encryption key
 * in the same way, one current key per algorithm, rotated together with the RSA key. P-256 is rated
 * at 128-bit security (NIST SP 800-57), the same level as RSA-3072, at a fraction of the CPU per
 * envelope.
 */
export const ECDH_ALGORITHM = 'ECDH-P256';
export const ECDH_PARAMS = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** RFC 7638 thumbprint of an EC key: the required members in lexicographic order. */
function thumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** A new P-256 key pair, its private half sealed under the KEK at once. */
export async function generateEcdhServerKey(kek: Buffer): Promise<StoredServerKey> {
  const pair = await crypto.subtle.generateKey(ECDH_PARAMS, true, ['deriveBits']);
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const kid = thumbprint(publicJwk);
  return { kid, algorithm: ECDH_ALGORITHM, publicJwk, sealedPrivateKey: sealPrivateKey(kek, kid, privateJwk), createdAt: new Date().toISOString() };
}

/** The public JWK as devices import it: the point only, no private member ever. */
export function servedEcdhKey(key: Pick<StoredServerKey, 'kid' | 'publicJwk'>): PublicServerKey {
  const { kty, crv, x, y } = key.publicJwk;
  return { kid: key.kid, jwk: { kty, crv, x, y, ext: true } };
}
