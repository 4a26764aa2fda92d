import { Hono } from 'hono';
import { staffCheckSchema, type StaffCheckResponse } from '#contract/v1.ts';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth, deviceRateLimit } from '../auth/device-auth.ts';
import { sha256 } from '../crypto/tokens.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import type { Store } from '../store/store.ts';

/**
 * POST /api/v1/devices/staff-check: a tablet, online, asks at unlock whether the staff member whose
 * credential it holds may still work. The PIN opens the tablet offline; this is how a leaver's
 * tablet learns, at its next contact, that the account was deactivated (403 account_disabled,
 * audited): the tablet then locks and stays locked for that account. Only this tablet's own
 * credentials are answered for; an expired credential still names its account.
 */
export function staffCheckRoutes(store: Store, buckets: TokenBuckets): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/staff-check', deviceAuth(store), deviceRateLimit(buckets), limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, staffCheckSchema);
    if (body instanceof Response) return body;
    const device = c.var.device!;
    if (device.kind !== 'tablet') return apiError(c, 403, 'not_a_tablet', 'Only a tablet has staff signed in.');
    const credential = await store.staffCredentialByHash(sha256(body.credential));
    // Another device's credential is as unknown as a made-up one: no account is named to a stranger.
    if (!credential || credential.deviceId !== device.id) return apiError(c, 404, 'unknown_credential', 'This tablet holds no such staff credential.');
    if (credential.disabledAt !== null) {
      await store.appendAudit({
        at: new Date().toISOString(),
        actor: `device:${device.id}`,
        action: 'refuse_staff_unlock',
        target: credential.username,
        detail: { device: device.id, disabledAt: credential.disabledAt },
      });
      return apiError(c, 403, 'account_disabled', 'This staff account has been deactivated.');
    }
    const answer: StaffCheckResponse = { username: credential.username, active: true };
    return c.json(answer);
  });
  return app;
}
