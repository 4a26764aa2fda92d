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

/** A help call as the staff API answers it, with the kiosk's name beside its id. */
export interface HelpCall {
  id: string;
  deviceId: string;
  deviceName: string;
  route: string;
  calledAt: string;
  receivedAt: string;
  handledAt: string | null;
  handledBy: string | null;
}

/** A numbered queue ticket; numbers start at 1 each day in Copenhagen. */
export interface QueueTicket {
  id: string;
  deviceId: string;
  deviceName: string;
  day: string;
  number: number;
  createdAt: string;
  calledAt: string | null;
  calledBy: string | null;
}

/** "Venter nu" (`GET /api/v1/staff/waiting`): today's tickets and the open help calls. */
export interface Waiting {
  day: string;
  now: string;
  tickets: QueueTicket[];
  helpCalls: HelpCall[];
}
