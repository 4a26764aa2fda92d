import { staffCredentialRenewalSchema } from '#contract/v1.ts';
import type { StaffCredentialResponse } from '#contract/device-answers.ts';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth, deviceRateLimit } from '../auth/device-auth.ts';
import { renewalRefusal, staffCredentialExpiry, type RenewalRefusal } from '../auth/staff-credential-rules.ts';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import type { NewStaffCredential, Store } from '../store/store.ts';

export type { StaffCredentialResponse } from '#contract/device-answers.ts';

/** A new credential and the secret that renews it; only their hashes are stored. */
function mint(c: Omit<NewStaffCredential, 'tokenHash' | 'renewalHash'>, username: string) {
  const credential = randomToken();
  const renewalSecret = randomToken();
  const row: NewStaffCredential = { ...c, tokenHash: sha256(credential), renewalHash: sha256(renewalSecret) };
  const answer: StaffCredentialResponse = { credential, username, expiresAt: c.expiresAt, renewalSecret };
  return { row, answer };
}

const refusals: Record<Exclude<RenewalRefusal, 'unknown_credential'>, string> = {
  account_disabled: 'This staff account has been deactivated.',
  renewal_refused: 'This renewal secret is not valid (any more): sign in online again.',
  sign_in_again: 'Renewals have run out for this sign-in: sign in online again.',
};

/**
 * POST /api/v1/devices/staff-credential: a tablet (its device token) with a staff member just
 * signed in (the staff session cookie of that sign-in, whichever way it was made) gets a staff
 * credential bound to both. The tablet keeps it beside the work it queues; ingest names the
 * assisting staff member from it. A kiosk is refused: no staff member works on a kiosk.
 *
 * POST /api/v1/devices/staff-credential/renew: the tablet, online again at an unlock, renews it
 * without a new sign-in, with the secret it keeps under that person's PIN: a copy of the tablet's
 * storage (token and credential in the clear) cannot renew. Each secret renews once; the chain ends
 * STAFF_SIGN_IN_DAYS after its sign-in (auth/staff-credential-rules.ts).
 */
export function staffCredentialRoutes(store: Store, staffAuth: MiddlewareHandler<AppEnv>, buckets: TokenBuckets): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/staff-credential', deviceAuth(store), staffAuth, async (c) => {
    const device = c.var.device!;
    const staff = c.var.staff!;
    if (device.kind !== 'tablet') return apiError(c, 403, 'not_a_tablet', 'Only a tablet gets a staff credential.');
    const user = await store.userByUsername(staff.username);
    if (!user || user.disabledAt) return apiError(c, 403, 'account_disabled', 'This staff account has been deactivated.');
    const now = new Date();
    const issuedAt = now.toISOString();
    const { row, answer } = mint({ deviceId: device.id, userId: staff.userId, issuedAt, expiresAt: staffCredentialExpiry(now), signedInAt: issuedAt }, staff.username);
    await store.saveStaffCredential(row);
    await store.appendAudit({ at: issuedAt, actor: staff.username, action: 'issue_staff_credential', target: device.id, detail: { expiresAt: row.expiresAt } });
    return c.json(answer, 201);
  });

  app.post('/staff-credential/renew', deviceAuth(store), deviceRateLimit(buckets), limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, staffCredentialRenewalSchema);
    if (body instanceof Response) return body;
    const device = c.var.device!;
    if (device.kind !== 'tablet') return apiError(c, 403, 'not_a_tablet', 'Only a tablet has staff signed in.');
    const presentedHash = sha256(body.credential);
    const current = await store.staffCredentialByHash(presentedHash);
    const now = new Date();
    const refusal = renewalRefusal(current, device.id, sha256(body.renewalSecret), now);
    if (refusal === 'unknown_credential' || !current) return apiError(c, 404, 'unknown_credential', 'This tablet holds no such staff credential.');
    if (refusal) {
      // A leaver's renewal is their tablet's online unlock refused, audited as the staff check audits it.
      const audit = refusal === 'account_disabled' ? { action: 'refuse_staff_unlock' as const, detail: { device: device.id, disabledAt: current.disabledAt } } : { action: 'refuse_staff_credential_renewal' as const, detail: { device: device.id, reason: refusal } };
      await store.appendAudit({ at: now.toISOString(), actor: `device:${device.id}`, target: current.username, ...audit });
      return apiError(c, 403, refusal, refusals[refusal]);
    }
    const { row, answer } = mint({ deviceId: device.id, userId: current.userId, issuedAt: now.toISOString(), expiresAt: staffCredentialExpiry(now), signedInAt: current.signedInAt }, current.username);
    await store.renewStaffCredential(presentedHash, row, current.username);
    return c.json(answer, 201);
  });
  return app;
}
