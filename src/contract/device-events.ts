import * as v from 'valibot';

/**
 * Device events: an additive extension of wire contract v1. A tablet sends
 * `POST /api/v1/devices/events` (its bearer token) for something that happened on it while it
 * may have been offline, so that it reaches the audit log: `pin_wipe`, five wrong PINs wiped a
 * staff member's drafts key; `sign_out`, a staff member logged out of a shared tablet (their PIN,
 * key and drafts deleted there). Names a staff username and a time, never citizen data.
 */
export const DEVICE_EVENTS_PATH = '/api/v1/devices/events';

export const deviceEventSchema = v.strictObject({
  kind: v.picklist(['pin_wipe', 'sign_out']),
  /** When it happened, by the tablet's clock (ISO 8601 with a time zone). */
  at: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp('at must be an ISO 8601 time')),
  /** Whose PIN it was (the staff login's username). */
  username: v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[^\p{Cc}\p{Cf}<>]+$/u, 'username must be plain printable text')),
});
export type DeviceEvent = v.InferOutput<typeof deviceEventSchema>;
