import { Hono, type MiddlewareHandler } from 'hono';
import { newUserBodySchema as newUserSchema } from '#contract/staff.ts';
import type { AppEnv } from '../app-env.ts';
import { requireAdmin } from '../auth/sessions.ts';
import { WeakPasswordError } from '../auth/password-strength.ts';
import { createStaffUser, normalizeUsername } from '../auth/staff-users.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { Store } from '../store/store.ts';


/**
 * Admins manage staff accounts: POST /users creates caseworkers (and other admins; existing users are
 * never changed), GET /users lists every account, POST /users/:username/disable deactivates a
 * leaver's account and logs it out everywhere (audited). Nobody deactivates themselves or the last
 * active admin.
 */
export function staffUserRoutes(store: Store, auth: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/users', auth, requireAdmin(), async (c) => c.json({ users: await store.listUsers() }, 200, { 'Cache-Control': 'no-store' }));
  // Every signed-in staff member reads colleagues' names: assignees, notes and the history name them.
  app.get('/people', auth, async (c) => c.json({ people: await store.displayNames() }, 200, { 'Cache-Control': 'no-store' }));
  app.post('/users/:username/disable', auth, requireAdmin(), async (c) => {
    const username = normalizeUsername(c.req.param('username'));
    if (username === c.var.staff!.username) return apiError(c, 409, 'cannot_disable_self', 'An admin cannot deactivate their own account; ask another admin.');
    const outcome = await store.disableUser(username, new Date().toISOString(), c.var.staff!.username);
    if (outcome === 'last_admin') return apiError(c, 409, 'last_admin', 'The last active admin cannot be deactivated.');
    if (outcome === 'not_found') return apiError(c, 404, 'not_found', `No active staff account named ${username}.`);
    return c.body(null, 204);
  });
  app.post('/users', auth, requireAdmin(), limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, newUserSchema);
    if (body instanceof Response) return body;
    let outcome: 'created' | 'exists';
    try {
      outcome = await createStaffUser(store, body.username, body.password, body.role, c.var.staff!.username);
    } catch (err) {
      if (err instanceof WeakPasswordError) return apiError(c, 400, 'weak_password', err.message);
      return apiError(c, 400, 'invalid_request', (err as Error).message);
    }
    if (outcome === 'exists') return apiError(c, 409, 'user_exists', `A user named ${normalizeUsername(body.username)} exists already.`);
    return c.json({ username: normalizeUsername(body.username), role: body.role }, 201);
  });
  return app;
}
