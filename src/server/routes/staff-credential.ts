import type { StaffCredentialResponse } from '#contract/device-answers.ts';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth } from '../auth/device-auth.ts';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import { apiError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';

/**
 * How long a staff credential vouches for work sealed under it: one working day. The tablet asks
 * for a new one whenever it is online and the staff member signs in again; work sealed while a
 * credential was valid is accepted however late it arrives.
 */
export const STAFF_CREDENTIAL_HOURS = 12;

export type { StaffCredentialResponse } from '#contract/device-answers.ts';

/**
 * POST /api/v1/devices/staff-credential: a tablet (its device token) with a staff member just
 * signed in (the staff session cookie of that sign-in, whichever way it was made) gets a staff
 * credential bound to both. The tablet keeps it beside the work it queues; ingest names the
 * assisting staff member from it. A kiosk is refused: no staff member works on a kiosk.
 */
export function staffCredentialRoutes(store: Store, staffAuth: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/staff-credential', deviceAuth(store), staffAuth, async (c) => {
    const device = c.var.device!;
    const staff = c.var.staff!;
    if (device.kind !== 'tablet') return apiError(c, 403, 'not_a_tablet', 'Only a tablet gets a staff credential.');
    const user = await store.userByUsername(staff.username);
    if (!user || user.disabledAt) return apiError(c, 403, 'account_disabled', 'This staff account has been deactivated.');
    const credential = randomToken();
    const now = new Date();
    const issuedAt = now.toISOString();
    const expiresAt = new Date(now.getTime() + STAFF_CREDENTIAL_HOURS * 3_600_000).toISOString();
    await store.saveStaffCredential({ tokenHash: sha256(credential), deviceId: device.id, userId: staff.userId, issuedAt, expiresAt });
    await store.appendAudit({ at: issuedAt, actor: staff.username, action: 'issue_staff_credential', target: device.id, detail: { expiresAt } });
    const body: StaffCredentialResponse = { credential, username: staff.username, expiresAt };
    return c.json(body, 201);
  });
  return app;
}
