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

export const envelopeSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  reference: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  type: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,63}$/)),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  kid: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  iv: v.pipe(base64url, v.minLength(16), v.maxLength(16)),
  wrappedKey: v.pipe(base64url, v.minLength(1)),
  ciphertext: v.pipe(base64url, v.minLength(1)),
  /**
   * Added for staff tablets: the staff credential of the online sign-in under which the work was
   * sealed (POST /api/v1/devices/staff-credential). Plain metadata beside the sealed payload, not
   * part of it: not in the additional data nor the content hash, so a resend with a renewed
   * credential is still the same envelope. The server names the assisting staff member from it.
   */
  staffCredential: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,256}$/))),
});
export type Envelope = v.InferOutput<typeof envelopeSchema>;

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
export interface ServerKey { kid: string; jwk: JsonWebKey }
export interface EnrollResponse { deviceId: string; token: string; serverKey: ServerKey }

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

// Additive extension: slots and bookings held by the server (bookings.ts).
export { BOOKINGS_PATH, SLOTS_PATH, bookingRequestSchema, type Booking, type SlotTakenBody, type SlotsResponse } from './bookings.ts';
