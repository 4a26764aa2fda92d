import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth, deviceRateLimit } from '../auth/device-auth.ts';
import type { StaffEventHub } from '../counter/staff-event-hub.ts';
import { apiError } from '../http/errors.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import { copenhagenDay } from '../store/counter-store.ts';
import type { Store } from '../store/store.ts';

/**
 * POST /api/v1/devices/queue-tickets: the next number of the day (Copenhagen), from 1 each day,
 * for the kiosk to print. No body: a ticket names nobody. 201 `{number, day, createdAt}`.
 */
export function deviceQueueRoutes(store: Store, buckets: TokenBuckets, hub: StaffEventHub): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/queue-tickets', deviceAuth(store), deviceRateLimit(buckets), async (c) => {
    if (c.var.device!.kind !== 'kiosk') return apiError(c, 403, 'kiosk_only', 'Only kiosks print queue tickets.');
    const ticket = await store.counter.takeQueueTicket(c.var.device!.id, new Date());
    hub.publish({ name: 'queue-changed', data: { day: ticket.day } });
    return c.json({ number: ticket.number, day: ticket.day, createdAt: ticket.createdAt }, 201);
  });
  return app;
}

/**
 * "Venter nu": today's queue tickets and the open help calls, oldest first, and "Kald næste",
 * which calls the lowest waiting number (audited as `call_next_ticket`).
 */
export function staffQueueRoutes(store: Store, auth: MiddlewareHandler<AppEnv>, hub: StaffEventHub): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/waiting', auth, async (c) => {
    const now = new Date();
    const day = copenhagenDay(now);
    const [tickets, helpCalls] = await Promise.all([store.counter.ticketsOfDay(day), store.counter.openHelpCalls()]);
    return c.json({ day, now: now.toISOString(), tickets, helpCalls });
  });
  app.post('/waiting/call-next', auth, async (c) => {
    const now = new Date();
    const ticket = await store.counter.callNextTicket(copenhagenDay(now), now.toISOString(), c.var.staff!.username);
    if (!ticket) return apiError(c, 404, 'nobody_waiting', 'No ticket of today is waiting.');
    hub.publish({ name: 'queue-changed', data: { day: ticket.day, called: ticket.number } });
    return c.json(ticket);
  });
  return app;
}
