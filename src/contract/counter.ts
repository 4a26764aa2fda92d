import * as v from 'valibot';

/**
 * The kiosk ↔ counter link: an additive extension of wire contract v1. A kiosk sends a help call
 * and asks for queue tickets with its bearer token. Nothing here holds citizen data: a random id,
 * the route of the screen the citizen was on, and when the button was pressed.
 */
export const HELP_CALLS_PATH = '/api/v1/devices/help-calls';
export const QUEUE_TICKETS_PATH = '/api/v1/devices/queue-tickets';

export const helpCallRequestSchema = v.strictObject({
  /** A UUID the kiosk picks, so that a call sent again after a lost answer is stored once. */
  id: v.pipe(v.string(), v.uuid()),
  /** The app route (`/service/complaint`): letters, digits, `/`, `-`, `_`; no query or fragment. */
  route: v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^\/[A-Za-z0-9/_-]*$/, 'an app route: /, letters, digits, - and _ only')),
  /** When the button was pressed (kiosk clock, ISO 8601 in UTC); a call queued offline keeps its age. */
  calledAt: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp()),
});
export type HelpCallRequest = v.InferOutput<typeof helpCallRequestSchema>;

/** The staff events stream (`GET /api/v1/staff/events`) sends these as SSE `event:` names with JSON data. */
export const staffEventNames = ['help-call', 'help-call-handled', 'queue-changed'] as const;
export type StaffEventName = (typeof staffEventNames)[number];
