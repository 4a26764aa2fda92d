import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/errors.ts';
import { describeIssues } from '../http/json-body.ts';
import { auditActions, type Store } from '../store/store.ts';
import { blankToUndefined, dateBound } from './staff-query.ts';
import { auditCsvRoutes } from './staff-audit-csv.ts';
import { auditTarget } from '../casework/audit-target.ts';

const auditQuery = v.object({
  target: v.optional(v.pipe(v.string(), v.maxLength(200))),
  actor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  action: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(v.picklist(auditActions)))),
  from: dateBound(false),
  to: dateBound(true),
  limit: v.optional(v.pipe(v.string(), v.digits(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(5000))),
  offset: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/, 'must be a whole number'), v.transform(Number))),
});

/**
 * GET /api/v1/staff/audit?target=&actor=&action=&from=&to=&limit=: admins read the whole log; a
 * caseworker reads the log of one submission (every caseworker may read every submission), and
 * nothing else, since the rest tells who did what and when. There is no route that changes or
 * deletes an entry. `from`/`to` bound the entry's time as the inbox's filter bounds createdAt.
 * `subjects` names the ids in the entries (targets and `device:<id>` actors): a submission's
 * reference, a device's name, a code's label.
 */
export function staffAuditRoutes(store: Store, auth: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/audit', auth, async (c) => {
    const parsed = v.safeParse(auditQuery, c.req.query());
    if (!parsed.success) return apiError(c, 400, 'invalid_filter', describeIssues(parsed.issues));
    const { target: typed, actor, action, from, to, limit, offset } = parsed.output;
    const target = typed && (await auditTarget(store, typed));
    if (c.var.staff!.role !== 'admin') {
      const ownSubmission = target && !actor && !action && !from && !to && (await store.submission(target));
      if (!ownSubmission) return apiError(c, 403, 'admin_only', 'Only an admin may read the audit log beyond one submission (?target=<submission id>).');
    }
    const filter = { target: target || undefined, actor: actor || undefined, action, from, before: to };
    const entries = await store.listAudit({ ...filter, limit, offset });
    // Ids mean little to a person: name the submissions, devices and codes the entries point at.
    const ids = entries.flatMap((e) => [e.target, e.actor.startsWith('device:') ? e.actor.slice('device:'.length) : null]).filter((id): id is string => !!id);
    const subjects = await store.auditSubjects(ids);
    return c.json({ entries, subjects, total: await store.countAudit(filter) }, 200, { 'Cache-Control': 'no-store' });
  });
  app.route('/', auditCsvRoutes(store, auth));
  return app;
}
