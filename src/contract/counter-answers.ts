import * as v from 'valibot';
import type { HelpCall, QueueTicket, Waiting } from './counter.ts';

/**
 * The kiosk ↔ counter answers as schemas, for the OpenAPI document and the server's tests. The
 * types in counter.ts are held equal to them below: a field added to one and not the other is a
 * type error.
 */

export const helpCallSchema = v.object({
  id: v.string(),
  deviceId: v.string(),
  deviceName: v.string(),
  route: v.string(),
  calledAt: v.string(),
  receivedAt: v.string(),
  handledAt: v.nullable(v.string()),
  handledBy: v.nullable(v.string()),
});

export const queueTicketSchema = v.object({
  id: v.string(),
  deviceId: v.string(),
  deviceName: v.string(),
  day: v.string(),
  number: v.number(),
  createdAt: v.string(),
  calledAt: v.nullable(v.string()),
  calledBy: v.nullable(v.string()),
});

export const waitingSchema = v.object({ day: v.string(), now: v.string(), tickets: v.array(queueTicketSchema), helpCalls: v.array(helpCallSchema) });

/** GET /api/v1/staff/help-calls: the open calls, oldest first, and the server's time to show their age by. */
export const openHelpCallsSchema = v.object({ helpCalls: v.array(helpCallSchema), now: v.string() });

/** POST /api/v1/devices/help-calls → 201 (200 for a retry of the same id). */
export const helpCallReceiptSchema = v.object({ id: v.string(), calledAt: v.string() });
/** POST /api/v1/devices/queue-tickets → 201. */
export const queueNumberSchema = v.object({ number: v.number(), day: v.string(), createdAt: v.string() });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(): T | undefined => undefined;
same<Same<HelpCall, v.InferOutput<typeof helpCallSchema>>>();
same<Same<QueueTicket, v.InferOutput<typeof queueTicketSchema>>>();
same<Same<Waiting, v.InferOutput<typeof waitingSchema>>>();
