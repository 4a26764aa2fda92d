import * as v from 'valibot';

/**
 * Wire contract v1 (docs/wire-contract.md). Checks outside this repository use it: extend,
 * never break. Both the outbox (client) and the server import these.
 */

export const MAX_BATCH = 100;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** The longest staff username a sealed payload may name in `assistedBy`. */
export const MAX_ASSISTED_BY = 100;

const base64url = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]*$/, 'must be base64url'));

/**
 * Added: the key-agreement envelope. `alg` names it; an envelope without `alg` is the RSA-OAEP
 * envelope as it always was. ECDH on P-256 between a fresh ephemeral key of the device (`epk`) and
 * the server's EC key (`kid`), HKDF-SHA-256 over the shared secret to the AES-256-GCM key.
 */
export const ECDH_ALG = 'ECDH-ES+HKDF-SHA256/A256GCM';
/** An uncompressed P-256 point (0x04 || x || y, 65 bytes) is 87 characters of base64url without padding. */
const EPK_CHARS = 87;

export const envelopeSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  reference: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  type: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,63}$/)),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  kid: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  iv: v.pipe(base64url, v.minLength(16), v.maxLength(16)),
  /** The AES key wrapped with RSA-OAEP; present exactly when `alg` is absent. */
  wrappedKey: v.optional(v.pipe(base64url, v.minLength(1))),
  ciphertext: v.pipe(base64url, v.minLength(1)),
  /** Added: the key-agreement envelope (ECDH_ALG); absent on an RSA envelope. */
  alg: v.optional(v.literal(ECDH_ALG)),
  /** Added with `alg`: the device's ephemeral P-256 public key, an uncompressed point in base64url. */
  epk: v.optional(v.pipe(base64url, v.length(EPK_CHARS))),
  /**
   * Added for staff tablets: the staff credential of the online sign-in under which the work was
   * sealed (POST /api/v1/devices/staff-credential). Plain metadata beside the sealed payload, not
   * part of it: not in the additional data nor the content hash, so a resend with a renewed
   * credential is still the same envelope. The server names the assisting staff member from it.
   */
  staffCredential: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,256}$/))),
});
export type Envelope = v.InferOutput<typeof envelopeSchema>;

/** Which key fields an envelope's scheme needs: `wrappedKey` without `alg`, `epk` with it, never both. */
export function envelopeKeyFieldErrors(e: Pick<Envelope, 'alg' | 'wrappedKey' | 'epk'>): FieldError[] {
  if (e.alg === undefined) {
    return [...(e.wrappedKey === undefined ? [{ path: 'wrappedKey', code: 'missing' }] : []), ...(e.epk !== undefined ? [{ path: 'epk', code: 'without_alg' }] : [])];
  }
  return [...(e.epk === undefined ? [{ path: 'epk', code: 'missing' }] : []), ...(e.wrappedKey !== undefined ? [{ path: 'wrappedKey', code: 'with_alg' }] : [])];
}

export const submissionBatchSchema = v.object({
  submissions: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(MAX_BATCH)),
});

export type ItemStatus = 'stored' | 'duplicate' | 'conflict' | 'invalid';
export interface FieldError { path: string; code: string }
export interface ItemResult { id: string; status: ItemStatus; reference: string; errors?: FieldError[] }
export interface BatchResponse {
  results: ItemResult[];
  /**
   * Additive: the key the server wants new work sealed with. After a key rotation a device adopts
   * it and seals new submissions for it; envelopes sealed before keep their kid and are still opened.
   * Older devices ignore it; older servers do not send it.
   */
  serverKey?: ServerKey;
}

export interface EnrollRequest { code: string; name: string; kind: 'kiosk' | 'tablet' }
export interface PublicServerKey { kid: string; jwk: JsonWebKey }
/**
 * The RSA-OAEP-256 key (as always) and, added, `ecdh`: the server's P-256 key for ECDH_ALG
 * envelopes. Older devices read `kid` and `jwk` only; newer ones seal for `ecdh` when it is there.
 */
export interface ServerKey extends PublicServerKey { ecdh?: PublicServerKey }
export interface EnrollResponse {
  deviceId: string;
  token: string;
  serverKey: ServerKey;
  /** ISO timestamp: when the token stops working unless the device renews it (DEVICE_TOKEN_DAYS). Absent from older servers. */
  tokenExpiresAt?: string;
}

/**
 * POST /api/v1/devices/token: a fresh token for the device that asks (Bearer: its current token).
 * The old one keeps working for a short overlap, so an answer lost on the way changes nothing.
 */
export interface RotateTokenResponse { token: string; tokenExpiresAt: string }
/** Device answers carry the token's expiry, so a device that never saw it learns when to renew. */
export const TOKEN_EXPIRES_HEADER = 'Device-Token-Expires';
/**
 * POST /api/v1/devices/staff-check: at an online unlock, whether the staff member whose credential
 * the tablet holds may still work. 200 with this answer, or 403 `account_disabled`.
 */
const opaqueToken = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,256}$/));
export const staffCheckSchema = v.object({ credential: opaqueToken });
export interface StaffCheckResponse { username: string; active: true }
/**
 * POST /api/v1/devices/staff-credential/renew: a tablet online, its staff member just unlocked it
 * with their PIN, renews that person's credential with the renewal secret kept under the PIN. 201
 * with a new credential and a new secret (StaffCredentialResponse); 403 with `account_disabled`,
 * `renewal_refused` or `sign_in_again` (the chain is older than the server allows: sign in online).
 */
export const staffCredentialRenewalSchema = v.object({ credential: opaqueToken, renewalSecret: opaqueToken });
/** A 401 with this code: the token's lifetime ran out; the device must be enrolled again. */
export const TOKEN_EXPIRED = 'token_expired';

export interface ErrorBody { error: { code: string; message: string } }

/** What is encrypted inside an envelope's ciphertext (JSON, UTF-8). */
export interface SealedPayload {
  type: string;
  schemaVersion: number;
  reference: string;
  createdAt: string;
  /** True when a staff member filled it in for the citizen (assisted mode on a staff tablet). */
  assisted?: boolean;
  /** The staff member's username, when assisted; at most MAX_ASSISTED_BY characters. */
  assistedBy?: string;
  data: Record<string, unknown>;
}

/**
 * Additional authenticated data for AES-GCM: binds the ciphertext to the envelope's plain
 * metadata, so that nobody can move a ciphertext under another id, reference or type unnoticed.
 */
export function envelopeAad(e: Pick<Envelope, 'id' | 'reference' | 'type' | 'schemaVersion' | 'createdAt' | 'kid'>): Uint8Array {
  return new TextEncoder().encode(JSON.stringify([e.id, e.reference, e.type, e.schemaVersion, e.createdAt, e.kid]));
}

/**
 * HKDF-SHA-256's `info` for an ECDH_ALG envelope: the scheme, the server key's kid, the envelope's
 * id and the ephemeral public key. The derived AES key is then good for this one envelope under this
 * one server key only, whatever the AAD says.
 */
export function ecdhKdfInfo(e: { kid: string; id: string; epk: string }): Uint8Array {
  return new TextEncoder().encode(JSON.stringify([ECDH_ALG, e.kid, e.id, e.epk]));
}

// Additive extension: slots and bookings held by the server (bookings.ts).
export { BOOKINGS_PATH, SLOTS_PATH, bookingRequestSchema, type Booking, type SlotTakenBody, type SlotsResponse } from './bookings.ts';
