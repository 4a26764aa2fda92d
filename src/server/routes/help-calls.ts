import { Hono, type MiddlewareHandler } from 'hono';
import { helpCallRequestSchema } from '#contract/counter.ts';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth, deviceRateLimit } from '../auth/device-auth.ts';
import type { StaffEventHub } from '../counter/staff-event-hub.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import type { Store } from '../store/store.ts';

/** A call queued offline longer than this is shown as this old: a kiosk clock far off must not bury it. */
const OLDEST_CALL_MS = 24 * 60 * 60 * 1000;

/** The kiosk's time of pressing, kept within the last day by the server's clock (never in the future). */
export function boundedCallTime(calledAt: string, now: Date): string {
  const at = Date.parse(calledAt);
  return new Date(Math.min(now.getTime(), Math.max(now.getTime() - OLDEST_CALL_MS, at))).toISOString();
}

/**
 * POST /api/v1/devices/help-calls: a kiosk asks for staff (contract/counter.ts). 201 with the call,
 * 200 when the same id was stored before (a retry), 409 when another device used that id.
 * Every new call is published at once to the back office's event stream.
 */
export function deviceHelpCallRoutes(store: Store, buckets: TokenBuckets, hub: StaffEventHub): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/help-calls', deviceAuth(store), deviceRateLimit(buckets), limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, helpCallRequestSchema);
    if (body instanceof Response) return body;
    const device = c.var.device!;
    if (device.kind !== 'kiosk') return apiError(c, 403, 'kiosk_only', 'Only kiosks send help calls.');
    const now = new Date();
    const outcome = await store.counter.addHelpCall({
      id: body.id.toLowerCase(), deviceId: device.id, route: body.route, calledAt: boundedCallTime(body.calledAt, now), receivedAt: now.toISOString(),
    });
    if (outcome === 'conflict') return apiError(c, 409, 'id_taken', 'Another device used this help call id; send a new random id.');
    if (outcome.created) hub.publish({ name: 'help-call', data: outcome.call });
    return c.json({ id: outcome.call.id, calledAt: outcome.call.calledAt }, outcome.created ? 201 : 200);
  });
  return app;
}

/** Staff see the open calls (oldest first) and answer one: "Jeg kommer". Audited as `handle_help_call`. */
export function staffHelpCallRoutes(store: Store, auth: MiddlewareHandler<AppEnv>, hub: StaffEventHub): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/help-calls', auth, async (c) => c.json({ helpCalls: await store.counter.openHelpCalls(), now: new Date().toISOString() }));
  app.post('/help-calls/:id/handle', auth, async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/.test(id)) return apiError(c, 404, 'not_found', 'No open help call with that id.');
    const call = await store.counter.handleHelpCall(id, new Date().toISOString(), c.var.staff!.username);
    if (!call) return apiError(c, 404, 'not_found', 'No open help call with that id: someone may have answered it already.');
    hub.publish({ name: 'help-call-handled', data: { id: call.id, handledBy: call.handledBy, handledAt: call.handledAt } });
    return c.json(call);
  });
  return app;
}
