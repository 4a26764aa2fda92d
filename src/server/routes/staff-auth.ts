import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { MAX_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.ts';
import { endSession, startSession } from '../auth/sessions.ts';
import { normalizeUsername } from '../auth/staff-users.ts';
import { clientIp } from '../http/client-ip.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { FailureWindow } from '../rate-limit.ts';
import type { Store } from '../store/store.ts';

const loginSchema = v.object({
  username: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PASSWORD_LENGTH)),
});

export interface StaffAuthDeps {
  store: Store;
  loginFailuresByUser: FailureWindow;
  loginFailuresByIp: FailureWindow;
  /** staffAuth, for GET /session. */
  auth: MiddlewareHandler<AppEnv>;
}

/** POST /api/v1/staff/login and /logout, GET /session; each login, failed login and logout is audited. */
export function staffAuthRoutes({ store, loginFailuresByUser, loginFailuresByIp, auth }: StaffAuthDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/login', limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, loginSchema);
    if (body instanceof Response) return body;
    const username = normalizeUsername(body.username);
    const ip = clientIp(c);
    // Checked before the password, so a locked-out guesser costs no argon2 work.
    const wait = Math.max(loginFailuresByUser.retryAfter(username), loginFailuresByIp.retryAfter(ip));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return apiError(c, 429, 'too_many_attempts', `Too many failed logins; retry after ${wait} s.`);
    }
    const user = await store.userByUsername(username);
    if (!(await verifyPassword(user?.passwordHash, body.password)) || !user) {
      loginFailuresByUser.fail(username);
      loginFailuresByIp.fail(ip);
      // Only a known username is recorded: what was typed may be a password in the wrong field.
      await store.appendAudit({ at: new Date().toISOString(), actor: user ? user.username : '(unknown user)', action: 'login_failed', target: null, detail: {} });
      return apiError(c, 401, 'invalid_credentials', 'The username or password is wrong.');
    }
    if (user.disabledAt) {
      // The right password for a deactivated account: say so, as its owner knows the password anyway.
      await store.appendAudit({ at: new Date().toISOString(), actor: user.username, action: 'login_failed', target: null, detail: { reason: 'disabled' } });
      return apiError(c, 403, 'account_disabled', 'This staff account has been deactivated by an admin.');
    }
    loginFailuresByUser.reset(username);
    const { expiresAt } = await startSession(c, store, user);
    return c.json({ username: user.username, role: user.role, expiresAt });
  });

  app.post('/logout', async (c) => {
    await endSession(c, store);
    return c.body(null, 204);
  });

  // The back office asks on load whether its cookie still holds a session (it cannot read the cookie).
  app.get('/session', auth, (c) => {
    const { username, role, expiresAt } = c.var.staff!;
    return c.json({ username, role, expiresAt }, 200, { 'Cache-Control': 'no-store' });
  });

  return app;
}
