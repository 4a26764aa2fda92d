import * as v from 'valibot';
import type { Booking, SlotsResponse } from './bookings.ts';
import { bookingStatuses } from './bookings.ts';
import { displayName } from './plain-text.ts';
import { deviceKinds } from './staff-base.ts';
import type { BatchResponse, EnrollResponse, RotateTokenResponse, StaffCheckResponse } from './v1.ts';

/**
 * The device routes' enrolment body and answers as schemas, for the OpenAPI document. Version 1's
 * types (v1.ts, bookings.ts) stay as they are, fixed; they are held equal to these schemas below,
 * so the document cannot drift from what devices are promised.
 */

/** POST /api/v1/devices/enroll: staff type the enrolment code on a new kiosk or tablet. */
export const enrollBodySchema = v.object({
  code: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  // Shown to staff in lists: plain visible text only.
  name: displayName('name', 100),
  kind: v.picklist(deviceKinds),
});

const publicKey = v.object({ kid: v.string(), jwk: v.custom<JsonWebKey>((x) => typeof x === 'object' && x !== null, 'a JSON Web Key') });
const serverKey = v.object({ ...publicKey.entries, ecdh: v.optional(publicKey) });

export const enrollResponseSchema = v.object({ deviceId: v.string(), token: v.string(), serverKey, tokenExpiresAt: v.optional(v.string()) });

export const batchResponseSchema = v.object({
  results: v.array(v.object({
    id: v.string(),
    status: v.picklist(['stored', 'duplicate', 'conflict', 'invalid']),
    reference: v.string(),
    errors: v.optional(v.array(v.object({ path: v.string(), code: v.string() }))),
  })),
  serverKey: v.optional(serverKey),
});

export const rotateTokenSchema = v.object({ token: v.string(), tokenExpiresAt: v.string() });
export const staffCheckResponseSchema = v.object({ username: v.string(), active: v.literal(true) });
/**
 * POST /api/v1/devices/staff-credential (and …/renew) → 201: bound to the tablet and the staff
 * member signed in on it. `renewalSecret` renews it once (v1.ts, staffCredentialRenewalSchema).
 */
export const staffCredentialResponseSchema = v.object({ credential: v.string(), username: v.string(), expiresAt: v.string(), renewalSecret: v.string() });
export type StaffCredentialResponse = v.InferOutput<typeof staffCredentialResponseSchema>;

export const slotsResponseSchema = v.object({ slotMinutes: v.number(), capacity: v.number(), slots: v.array(v.object({ slot: v.string(), free: v.number() })) });
export const bookingSchema = v.object({ slot: v.string(), reference: v.string(), status: v.picklist(bookingStatuses), proposedSlot: v.nullable(v.string()), createdAt: v.string() });

/** GET /api/health, /ready (503 with `reason` when not ready) and /live. */
export const healthSchema = v.object({ ok: v.boolean(), storage: v.optional(v.string()), reason: v.optional(v.string()) });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(): T | undefined => undefined;
same<Same<EnrollResponse, v.InferOutput<typeof enrollResponseSchema>>>();
same<Same<BatchResponse, v.InferOutput<typeof batchResponseSchema>>>();
same<Same<RotateTokenResponse, v.InferOutput<typeof rotateTokenSchema>>>();
same<Same<StaffCheckResponse, v.InferOutput<typeof staffCheckResponseSchema>>>();
same<Same<SlotsResponse, v.InferOutput<typeof slotsResponseSchema>>>();
same<Same<Booking, v.InferOutput<typeof bookingSchema>>>();
