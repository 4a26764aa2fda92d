import { Hono } from 'hono';
import { deviceEventSchema } from '#contract/device-events.ts';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth, deviceRateLimit } from '../auth/device-auth.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import type { Store } from '../store/store.ts';

/**
 * POST /api/v1/devices/events: something that happened on a tablet, sent when it is next online
 * (src/contract/device-events.ts): a PIN wipe, audited as `tablet_wiped`, or a staff member
 * logging out of a shared tablet, audited as `tablet_staff_signed_out`; by the device, with the
 * tablet's own time and the staff username; 204. Only tablets have PINs: a kiosk gets 403.
 */
export function deviceEventRoutes(store: Store, buckets: TokenBuckets): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/events', deviceAuth(store), deviceRateLimit(buckets), limitBody(SMALL_BODY_BYTES), async (c) => {
    const event = await readJsonBody(c, deviceEventSchema);
    if (event instanceof Response) return event;
    const device = c.var.device!;
    if (device.kind !== 'tablet') return apiError(c, 403, 'not_a_tablet', 'Only a tablet reports PIN events.');
    const wiped = event.kind === 'pin_wipe';
    await store.appendAudit({
      at: new Date().toISOString(),
      actor: `device:${device.id}`,
      action: wiped ? 'tablet_wiped' : 'tablet_staff_signed_out',
      target: device.id,
      detail: wiped ? { username: event.username, wipedAt: event.at } : { username: event.username, signedOutAt: event.at },
    });
    return c.body(null, 204);
  });
  return app;
}
