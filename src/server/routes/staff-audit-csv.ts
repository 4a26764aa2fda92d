import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import staffDa from '../../../locales/da/staff.json' with { type: 'json' };
import type { AppEnv } from '../app-env.ts';
import { requireAdmin } from '../auth/sessions.ts';
import { auditTarget } from '../casework/audit-target.ts';
import { copenhagenDateTime, toExcelCsv } from '../casework/excel-csv.ts';
import { apiError } from '../http/errors.ts';
import { describeIssues } from '../http/json-body.ts';
import { auditActions, type Store } from '../store/store.ts';
import { blankToUndefined, dateBound } from './staff-query.ts';

/** The most entries one export holds; a wider range is exported in parts (by date). */
export const MAX_AUDIT_EXPORT = 50_000;

const exportQuery = v.object({
  target: v.optional(v.pipe(v.string(), v.maxLength(200))),
  actor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  action: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(v.picklist(auditActions)))),
  from: dateBound(false),
  to: dateBound(true),
});

const actionNames: Record<string, string> = staffDa.auditAction;

/**
 * GET /api/v1/staff/audit.csv?target=&actor=&action=&from=&to=: the filtered log for Danish Excel
 * (casework/excel-csv.ts), newest first, with actions in Danish, times in Copenhagen and each
 * submission named by its reference. Admins only, and the export is itself audited.
 */
export function auditCsvRoutes(store: Store, auth: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/audit.csv', auth, requireAdmin(), async (c) => {
    const parsed = v.safeParse(exportQuery, c.req.query());
    if (!parsed.success) return apiError(c, 400, 'invalid_filter', describeIssues(parsed.issues));
    const { target: typed, actor, action, from, to } = parsed.output;
    const target = typed && (await auditTarget(store, typed));
    const filter = { target: target || undefined, actor: actor || undefined, action, from, before: to };
    const entries = await store.listAudit({ ...filter, limit: MAX_AUDIT_EXPORT });
    const subjects = await store.auditSubjects(entries.flatMap((e) => (e.target ? [e.target] : [])));
    await store.appendAudit({ at: new Date().toISOString(), actor: c.var.staff!.username, action: 'export_audit_csv', target: null, detail: { filter, count: entries.length } });
    const header = ['Tidspunkt', 'Hvem', 'Handling', 'Gælder', 'Id', 'Detaljer'];
    const rows = entries.map((e) => [
      copenhagenDateTime(e.at),
      e.actor,
      actionNames[e.action] ?? e.action,
      e.target ? (subjects[e.target]?.label ?? '') : '',
      e.target ?? '',
      JSON.stringify(e.detail),
    ]);
    return c.body(toExcelCsv([header, ...rows]), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="revisionslog.csv"',
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
