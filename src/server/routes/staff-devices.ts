import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { requireAdmin } from '../auth/sessions.ts';
import { DEFAULT_FLEET_THRESHOLDS, fleetHealth, type FleetThresholds } from '../fleet.ts';
import { revokeAllDevicesSchema, type RevokeAllDevicesAnswer } from '#contract/staff.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { Store } from '../store/store.ts';

/**
 * Admins see enrolled devices and revoke a lost or stolen one: its token stops working at once.
 * The list is the fleet view: each device with its last report, last seen time and flags, most
 * trouble first (fleet.ts), and the thresholds the flags were judged by.
 * Caseworkers get the devices' names and kinds for the inbox's device filter.
 */
export function staffDeviceRoutes(store: Store, auth: MiddlewareHandler<AppEnv>, thresholds: FleetThresholds = DEFAULT_FLEET_THRESHOLDS): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = requireAdmin();
  app.get('/devices', auth, admin, async (c) => c.json({ devices: await fleetHealth(store, new Date(), thresholds), thresholds }));
  // Every staff member filters the inbox by device: names and kinds only, no enrolment details.
  app.get('/device-names', auth, async (c) =>
    c.json({ devices: (await store.listDevices()).map(({ id, name, kind, revokedAt }) => ({ id, name, kind, revoked: revokedAt !== null })) }));
  // A lost batch of tablets or a breach: every device of one kind stops at its next contact.
  app.post('/devices/revoke-all', auth, admin, limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, revokeAllDevicesSchema);
    if (body instanceof Response) return body;
    const revoked = await store.revokeDevicesOfKind(body.kind, new Date().toISOString(), c.var.staff!.username);
    const answer: RevokeAllDevicesAnswer = { kind: body.kind, revoked };
    return c.json(answer);
  });
  app.post('/devices/:id/revoke', auth, admin, async (c) => {
    const id = c.req.param('id');
    if (await store.revokeDevice(id, new Date().toISOString(), c.var.staff!.username)) return c.body(null, 204);
    return apiError(c, 404, 'not_found', `No active device with id ${id}.`);
  });
  return app;
}
