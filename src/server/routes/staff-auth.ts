import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { attemptKeys, attemptPolicy, retryAfterSeconds } from '../auth/attempt-policy.ts';
import type { HashGate } from '../auth/hash-gate.ts';
import type { SecondFactors } from '../auth/second-factor.ts';
import { loginBodySchema as loginSchema } from '#contract/staff.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { endSession, needsSecondFactor, sessionDeadlines, startSession, type CookiePolicy } from '../auth/sessions.ts';
import { ssoAccount } from '../auth/sso-account.ts';
import { isSsoUsername, normalizeUsername } from '../auth/staff-users.ts';
import { clientIp } from '../http/client-ip.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { Limits } from '../rate-limit.ts';
import type { Store } from '../store/store.ts';


export interface StaffAuthDeps {
  store: Store;
  limits: Limits;
  hashGate: HashGate;
  cookie: CookiePolicy;
  /** staffAuth, for GET /session. */
  auth: MiddlewareHandler<AppEnv>;
  secondFactors: SecondFactors;
}

/** POST /api/v1/staff/login and /logout, GET /session; each login, failed login and logout is audited. */
export function staffAuthRoutes({ store, limits, hashGate, cookie, auth, secondFactors }: StaffAuthDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const policy = attemptPolicy(limits);

  app.post('/login', limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, loginSchema);
    if (body instanceof Response) return body;
    const username = normalizeUsername(body.username);
    // Decided by the name alone (no look-up, so no hint whether such an account exists).
    if (isSsoUsername(username)) return ssoAccount(c);
    const ip = clientIp(c);
    const userKey = attemptKeys.loginUser(username);
    const ipKey = attemptKeys.loginAddress(ip);
    const outcome = await hashGate.run(async () => {
      // Booked as a failure before the hash, so parallel guesses cannot all slip in under the limit.
      const reservation = await store.reserveAttempt([userKey, ipKey], new Date(), policy, limits.failureWindowMs);
      if (!reservation.ok) return reservation;
      const user = await store.userByUsername(username);
      return { ok: true as const, user, passwordOk: (await verifyPassword(user?.passwordHash, body.password)) && !!user };
    });
    if (!outcome) {
      c.header('Retry-After', '1');
      return apiError(c, 429, 'server_busy', 'Too many logins at this moment; retry in a second.');
    }
    const result = outcome.value;
    if (!result.ok) {
      c.header('Retry-After', retryAfterSeconds(result.retryAfterMs));
      return apiError(c, 429, 'too_many_attempts', `Too many failed logins; retry after ${retryAfterSeconds(result.retryAfterMs)} s.`);
    }
    const { user } = result;
    if (!result.passwordOk || !user) {
      // Only a known username is recorded: what was typed may be a password in the wrong field.
      await store.appendAudit({ at: new Date().toISOString(), actor: user ? user.username : '(unknown user)', action: 'login_failed', target: null, detail: { ip } });
      return apiError(c, 401, 'invalid_credentials', 'The username or password is wrong.');
    }
    if (user.disabledAt) {
      // The right password for a deactivated account: say so, as its owner knows the password anyway.
      await store.appendAudit({ at: new Date().toISOString(), actor: user.username, action: 'login_failed', target: null, detail: { reason: 'disabled', ip } });
      return apiError(c, 403, 'account_disabled', 'This staff account has been deactivated by an admin.');
    }
    // The second factor is checked only after the password: a code is worth nothing without it, and
    // the attempt was booked as a failure above, so guessing codes is slowed like guessing passwords.
    const factor = await secondFactors.check(user, body.code);
    if (factor === 'code_required' || factor === 'wrong_code') {
      await store.appendAudit({ at: new Date().toISOString(), actor: user.username, action: 'login_failed', target: null, detail: { reason: factor === 'code_required' ? 'no_code' : 'wrong_code', ip } });
      return factor === 'code_required'
        ? apiError(c, 401, 'second_factor_required', 'This account has a second factor: send the 6-digit code from the authenticator app as "code".')
        : apiError(c, 401, 'invalid_credentials', 'The code is wrong or was used already; wait for the next code.');
    }
    // The owner is in: the account's count starts afresh; the address only gets this attempt back,
    // as colleagues behind the same address may have mistyped.
    await store.refundAttempt([userKey], [ipKey]);
    const deadlines = await startSession(c, store, user, cookie);
    const gated = needsSecondFactor({ role: user.role, secondFactor: factor === 'ok' }, cookie);
    return c.json({
      username: user.username,
      role: user.role,
      ...deadlines,
      secondFactor: factor === 'ok',
      ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
      ...(gated ? { secondFactorRequired: true } : {}),
    });
  });

  app.post('/logout', async (c) => {
    await endSession(c, store, cookie);
    return c.body(null, 204);
  });

  // The back office asks on load whether its cookie still holds a session (it cannot read the cookie).
  app.get('/session', auth, async (c) => {
    const session = c.var.staff!;
    const { userId, username, role, mustChangePassword } = session;
    const secondFactor = await secondFactors.enrolled(userId);
    const displayName = session.via === 'oidc' ? (await store.userByUsername(username))?.displayName : undefined;
    return c.json(
      {
        username,
        role,
        ...sessionDeadlines(session, cookie),
        secondFactor,
        ...(displayName ? { displayName } : {}),
        ...(mustChangePassword ? { mustChangePassword } : {}),
        ...(needsSecondFactor({ ...session, secondFactor }, cookie) ? { secondFactorRequired: true } : {}),
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  return app;
}
