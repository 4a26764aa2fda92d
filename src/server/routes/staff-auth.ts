import { Hono } from 'hono';
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
}

/** POST /api/v1/staff/login and /logout. */
export function staffAuthRoutes({ store, loginFailuresByUser, loginFailuresByIp }: StaffAuthDeps): Hono<AppEnv> {
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
      return apiError(c, 401, 'invalid_credentials', 'The username or password is wrong.');
    }
    loginFailuresByUser.reset(username);
    const { expiresAt } = await startSession(c, store, user);
    return c.json({ username: user.username, role: user.role, expiresAt });
  });

  app.post('/logout', async (c) => {
    await endSession(c, store);
    return c.body(null, 204);
  });

  return app;
}
