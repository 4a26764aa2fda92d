import { randomBytes } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { passwordProblem, passwordProblemMessage } from '../auth/password-strength.ts';
import { changePasswordBodySchema as changeSchema, roleBodySchema as roleSchema } from '#contract/staff.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { requireAdmin } from '../auth/sessions.ts';
import { ssoAccount } from '../auth/sso-account.ts';
import { isSsoUsername, normalizeUsername } from '../auth/staff-users.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { Store } from '../store/store.ts';


/** 16 random characters in groups of four: 80 bits, typed once and then replaced by its owner. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const chars = [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * Accounts after creation. POST /password: the signed-in user changes their own password (the
 * current one is asked again, so an unlocked screen left behind is not enough). Admins:
 * POST /users/:username/reset-password answers a temporary password, shown once, which only lets
 * its owner choose a new one; /reactivate brings a deactivated account back; /role changes the
 * role, never leaving the installation without an active admin. Each is audited.
 */
export function staffAccountRoutes(store: Store, auth: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const now = () => new Date().toISOString();

  app.post('/password', auth, limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, changeSchema);
    if (body instanceof Response) return body;
    if (isSsoUsername(c.var.staff!.username)) return ssoAccount(c);
    const user = await store.userByUsername(c.var.staff!.username);
    if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
      return apiError(c, 403, 'wrong_password', 'The current password is wrong.');
    }
    const problem = passwordProblem(body.newPassword, user.username);
    if (problem) return apiError(c, 400, 'weak_password', passwordProblemMessage(problem, user.username));
    if (await verifyPassword(user.passwordHash, body.newPassword)) return apiError(c, 400, 'same_password', 'Choose a password other than the current one.');
    await store.setPassword(user.id, await hashPassword(body.newPassword), false, now(), user.username, 'change_password');
    return c.body(null, 204);
  });

  app.post('/users/:username/reset-password', auth, requireAdmin(), async (c) => {
    const username = normalizeUsername(c.req.param('username'));
    if (username === c.var.staff!.username) return apiError(c, 409, 'cannot_reset_self', 'Change your own password at POST /api/v1/staff/password.');
    const user = await store.userByUsername(username);
    if (!user) return apiError(c, 404, 'not_found', `No staff account named ${username}.`);
    // A local password on such an account would be a way in past the provider and its second factor.
    if (isSsoUsername(user.username)) return ssoAccount(c);
    const password = temporaryPassword();
    await store.setPassword(user.id, await hashPassword(password), true, now(), c.var.staff!.username, 'reset_password');
    return c.json({ username, temporaryPassword: password }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/users/:username/reactivate', auth, requireAdmin(), async (c) => {
    const username = normalizeUsername(c.req.param('username'));
    if (!(await store.reactivateUser(username, now(), c.var.staff!.username))) return apiError(c, 404, 'not_found', `No deactivated staff account named ${username}.`);
    return c.body(null, 204);
  });

  app.post('/users/:username/role', auth, requireAdmin(), limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, roleSchema);
    if (body instanceof Response) return body;
    const username = normalizeUsername(c.req.param('username'));
    const outcome = await store.setUserRole(username, body.role, now(), c.var.staff!.username);
    if (outcome === 'last_admin') return apiError(c, 409, 'last_admin', 'The last active admin cannot lose the admin role.');
    if (outcome === 'not_found') return apiError(c, 404, 'not_found', `No active staff account named ${username}.`);
    return c.json({ username, role: body.role });
  });

  return app;
}
