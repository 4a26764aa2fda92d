import { ECDH_ALG, type Envelope } from '#contract/v1.ts';

/**
 * An envelope's key material in the `wrapped_key` column: the RSA-wrapped AES key as it always was,
 * or, for the key-agreement envelope, its scheme and ephemeral public key as `<alg>:<epk>`. The
 * wrapped key is base64url, which never holds a `:`, so the two cannot be confused, and stored
 * rows and the column need no migration.
 */
const ECDH_PREFIX = `${ECDH_ALG}:`;

export function keyMaterialColumn(e: Pick<Envelope, 'alg' | 'epk' | 'wrappedKey'>): string {
  if (e.alg === ECDH_ALG && e.epk !== undefined) return ECDH_PREFIX + e.epk;
  if (e.wrappedKey === undefined) throw new TypeError('store: an envelope without key material reached storage');
  return e.wrappedKey;
}

export function keyMaterialFields(column: string): Pick<Envelope, 'alg' | 'epk' | 'wrappedKey'> {
  return column.startsWith(ECDH_PREFIX) ? { alg: ECDH_ALG, epk: column.slice(ECDH_PREFIX.length) } : { wrappedKey: column };
}
