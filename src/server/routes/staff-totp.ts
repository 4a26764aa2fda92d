import { Hono, type MiddlewareHandler } from 'hono';
import { totpConfirmBodySchema as confirmSchema } from '#contract/staff.ts';
import type { AppEnv } from '../app-env.ts';
import type { SecondFactors } from '../auth/second-factor.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';


/**
 * A signed-in staff member enrols a TOTP second factor: POST /totp/enrol gives a new secret and its
 * `otpauth://` address (the back office shows it as a QR code); POST /totp/confirm with the first
 * code from the app turns it on and answers the 10 recovery codes, which are never shown again.
 * An account that has a factor cannot start over here: an attacker with a stolen session must not
 * be able to replace it.
 */
export function staffTotpRoutes(auth: MiddlewareHandler<AppEnv>, secondFactors: SecondFactors): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const me = (c: { var: AppEnv['Variables'] }) => ({ id: c.var.staff!.userId, username: c.var.staff!.username });

  app.post('/totp/enrol', auth, async (c) => {
    const enrolment = await secondFactors.start(me(c));
    if (!enrolment) return apiError(c, 409, 'second_factor_exists', 'This account has a second factor already.');
    return c.json(enrolment, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/totp/confirm', auth, limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, confirmSchema);
    if (body instanceof Response) return body;
    const outcome = await secondFactors.confirm(me(c), body.code);
    if (outcome === 'no_enrolment') return apiError(c, 409, 'no_enrolment', 'Start with POST /api/v1/staff/totp/enrol; the account may have a second factor already.');
    if (outcome === 'wrong_code') return apiError(c, 400, 'wrong_code', 'The code does not match the secret; check the clock of the device with the app and try the next code.');
    return c.json({ recoveryCodes: outcome }, 200, { 'Cache-Control': 'no-store' });
  });

  return app;
}
