import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/errors.ts';

/**
 * Separation of duties (SEPARATE_ADMIN_DUTIES=true): admins manage accounts, devices and enrolment
 * codes but cannot open citizens' cases; caseworkers handle the cases. Runs after the session check.
 */
export function caseAccess(auth: MiddlewareHandler<AppEnv>, separateAdminDuties: boolean): MiddlewareHandler<AppEnv> {
  if (!separateAdminDuties) return auth;
  return async (c, next) => {
    let signedIn = false;
    const refused = await auth(c, async () => {
      signedIn = true;
    });
    if (!signedIn) return refused ?? undefined;
    if (c.var.staff?.role === 'admin') return apiError(c, 403, 'no_case_access', 'Admins cannot read citizens’ cases on this server (separation of duties); a caseworker can.');
    await next();
  };
}
