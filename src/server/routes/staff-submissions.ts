import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { envelopeSchema } from '../../contract/v1.ts';
import type { AppEnv } from '../app-env.ts';
import type { ServerKeyring } from '../crypto/server-key.ts';
import { decryptEnvelope } from '../crypto/open-envelope.ts';
import { toCsv } from '../csv.ts';
import { apiError } from '../http/errors.ts';
import { describeIssues, limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import { allowedFrom, allowedNext } from '../submission-workflow.ts';
import { submissionStatuses, type Store, type SubmissionFilter } from '../store/store.ts';

// An empty parameter (`?status=&type=`) means "any", as the contract's example URL implies.
const blankToUndefined = v.transform((s: string) => (s === '' ? undefined : s));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date bound on createdAt: a calendar date (a whole UTC day, `to` inclusive) or an exact ISO
 * timestamp (the back office sends local midnights, so that "today" means today in Denmark).
 */
const dateBound = (endOfDay: boolean) =>
  v.optional(
    v.pipe(
      v.string(),
      blankToUndefined,
      v.optional(
        v.pipe(
          v.string(),
          v.check((s) => (DATE.test(s) || v.is(v.pipe(v.string(), v.isoTimestamp()), s)) && !Number.isNaN(Date.parse(s)), 'must be YYYY-MM-DD or an ISO timestamp'),
          v.transform((s) => {
            const t = new Date(s);
            if (DATE.test(s) && endOfDay) t.setUTCDate(t.getUTCDate() + 1);
            return t.toISOString();
          }),
        ),
      ),
    ),
  );

const filterSchema = v.object({
  status: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(v.picklist(submissionStatuses)))),
  type: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(envelopeSchema.entries.type))),
  from: dateBound(false),
  to: dateBound(true),
  deviceId: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(v.pipe(v.string(), v.regex(UUID, 'must be a device id'))))),
  limit: v.optional(v.pipe(v.string(), v.digits(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(10_000))),
  offset: v.optional(v.pipe(v.string(), v.digits(), v.transform(Number), v.integer(), v.minValue(0))),
});

const transitionSchema = v.object({
  to: v.picklist(['in_progress', 'done', 'rejected']),
  note: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(2000)))),
});

export interface StaffSubmissionDeps {
  store: Store;
  keyring: ServerKeyring;
  /** staffAuth: every route here needs a logged-in staff member. */
  auth: MiddlewareHandler<AppEnv>;
}

/** The staff back office's view of submissions: list, export, read decrypted, move along. Reads, exports and moves are audited. */
export function staffSubmissionRoutes({ store, keyring, auth }: StaffSubmissionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const filterOf = (c: Context<AppEnv>): SubmissionFilter | Response => {
    const parsed = v.safeParse(filterSchema, c.req.query());
    if (!parsed.success) return apiError(c, 400, 'invalid_filter', describeIssues(parsed.issues));
    const { from, to, ...rest } = parsed.output;
    return { ...rest, createdFrom: from, createdBefore: to };
  };
  const notFound = (c: Context<AppEnv>) => apiError(c, 404, 'not_found', `No submission with id ${c.req.param('id')}.`);

  app.get('/submissions', auth, async (c) => {
    const filter = filterOf(c);
    if (filter instanceof Response) return filter;
    const { submissions, total } = await store.listSubmissions(filter);
    return c.json({
      submissions: submissions.map(({ id, reference, type, status, createdAt, deviceId, deviceName, receivedAt }) => ({
        id, reference, type, status, createdAt, deviceId, deviceName, receivedAt,
      })),
      total,
    });
  });

  app.get('/submissions.csv', auth, async (c) => {
    const filter = filterOf(c);
    if (filter instanceof Response) return filter;
    const { submissions } = await store.listSubmissions(filter);
    // The filter holds no personal data (type, status, dates, device), so the audit keeps it whole.
    await store.appendAudit({ at: new Date().toISOString(), actor: c.var.staff!.username, action: 'export_csv', target: null, detail: { filter, count: submissions.length } });
    const header = ['id', 'reference', 'type', 'schemaVersion', 'status', 'createdAt', 'receivedAt', 'deviceId', 'deviceName'];
    const rows = submissions.map((s) => [s.id, s.reference, s.type, s.schemaVersion, s.status, s.createdAt, s.receivedAt, s.deviceId, s.deviceName]);
    return c.body(toCsv([header, ...rows]), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="submissions.csv"',
      'Cache-Control': 'no-store',
    });
  });

  app.get('/submissions/:id', auth, async (c) => {
    const id = c.req.param('id');
    const record = UUID.test(id) ? await store.submission(id) : undefined;
    if (!record) return notFound(c);
    const key = await keyring.privateKey(record.envelope.kid);
    const decrypted = key ? await decryptEnvelope(record.envelope, key) : undefined;
    // It was decrypted once at ingest: failing now means the key or the row was damaged, not bad input.
    if (!decrypted?.ok) throw new Error(`staff.read: stored submission ${id} cannot be decrypted (kid ${record.envelope.kid})`);
    await store.appendAudit({ at: new Date().toISOString(), actor: c.var.staff!.username, action: 'read_submission', target: id, detail: { type: record.type } });
    const { envelope: _envelope, contentHash: _hash, ...summary } = record;
    return c.json(
      { ...summary, allowedTransitions: allowedNext(record.status), payload: decrypted.payload, history: await store.history(id) },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  app.post('/submissions/:id/transition', auth, limitBody(SMALL_BODY_BYTES), async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return notFound(c);
    const body = await readJsonBody(c, transitionSchema);
    if (body instanceof Response) return body;
    const staff = c.var.staff!;
    const outcome = await store.transitionSubmission(id, body.to, allowedFrom(body.to), {
      at: new Date().toISOString(),
      note: body.note ?? null,
      actor: staff.username,
    });
    if (!outcome.ok && outcome.reason === 'not_found') return notFound(c);
    if (!outcome.ok) {
      const options = allowedNext(outcome.status);
      return apiError(c, 409, 'transition_not_allowed',
        `A ${outcome.status} submission cannot become ${body.to}; allowed: ${options.length ? options.join(', ') : 'none (final)'}.`);
    }
    return c.json({ ...outcome.submission, allowedTransitions: allowedNext(outcome.submission.status), history: await store.history(id) });
  });

  return app;
}
