import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { requireAdmin } from '../auth/sessions.ts';
import { createStaffUser, normalizeUsername } from '../auth/staff-users.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import { staffRoles, type Store } from '../store/store.ts';

const newUserSchema = v.object({
  username: v.pipe(v.string(), v.maxLength(128)),
  password: v.string(),
  role: v.picklist(staffRoles),
});

/** POST /api/v1/staff/users: an admin creates caseworkers (and other admins). Existing users are never changed. */
export function staffUserRoutes(store: Store, auth: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/users', auth, requireAdmin(), limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, newUserSchema);
    if (body instanceof Response) return body;
    let outcome: 'created' | 'exists';
    try {
      outcome = await createStaffUser(store, body.username, body.password, body.role, c.var.staff!.username);
    } catch (err) {
      return apiError(c, 400, 'invalid_request', (err as Error).message);
    }
    if (outcome === 'exists') return apiError(c, 409, 'user_exists', `A user named ${normalizeUsername(body.username)} exists already.`);
    return c.json({ username: normalizeUsername(body.username), role: body.role }, 201);
  });
  return app;
}
