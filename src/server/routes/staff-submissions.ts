import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { envelopeSchema } from '../../contract/v1.ts';
import type { AppEnv } from '../app-env.ts';
import { assistedMetadata } from '../assisted.ts';
import type { ServerKeyring } from '../crypto/server-key.ts';
import { decryptEnvelope } from '../crypto/open-envelope.ts';
import { toCsv } from '../csv.ts';
import { apiError } from '../http/errors.ts';
import { describeIssues, limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import { allowedFrom, allowedNext } from '../submission-workflow.ts';
import { blankToUndefined, dateBound } from './staff-query.ts';
import { deviceKinds, submissionStatuses, type Store, type SubmissionFilter, type SubmissionSummary } from '../store/store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows in one list page when the client names no limit, and the most it may ask for (the CSV too). */
export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 10_000;
/** Far beyond any municipality's holdings; a larger offset is a mistake or a probe. */
const MAX_OFFSET = 10_000_000;

const filterSchema = v.object({
  status: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(v.picklist(submissionStatuses)))),
  type: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(envelopeSchema.entries.type))),
  from: dateBound(false),
  to: dateBound(true),
  deviceId: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(v.pipe(v.string(), v.regex(UUID, 'must be a device id'))))),
  deviceKind: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(v.picklist(deviceKinds)))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(MAX_PAGE_SIZE))),
  offset: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/, 'must be a whole number'), v.transform(Number), v.maxValue(MAX_OFFSET))),
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

  const filterOf = (c: Context<AppEnv>, csv = false): SubmissionFilter | Response => {
    const parsed = v.safeParse(filterSchema, c.req.query());
    if (!parsed.success) return apiError(c, 400, 'invalid_filter', describeIssues(parsed.issues));
    const { from, to, limit, ...rest } = parsed.output;
    // Always a limit: a page is bounded, and OFFSET needs one in SQLite.
    return { ...rest, limit: limit ?? (csv ? MAX_PAGE_SIZE : DEFAULT_PAGE_SIZE), createdFrom: from, createdBefore: to };
  };
  const notFound = (c: Context<AppEnv>) => apiError(c, 404, 'not_found', `No submission with id ${c.req.param('id')}.`);

  /** Decrypts a stored submission; it was decrypted once at ingest, so failing now means damage, not bad input. */
  const open = async (record: NonNullable<Awaited<ReturnType<Store['submission']>>>) => {
    const key = await keyring.privateKey(record.envelope.kid);
    const decrypted = key ? await decryptEnvelope(record.envelope, key) : undefined;
    if (!decrypted?.ok) throw new Error(`staff.read: stored submission ${record.id} cannot be decrypted (kid ${record.envelope.kid})`);
    return decrypted.payload;
  };

  /**
   * Fills in `assisted` for rows stored before ingest kept it (migration 003): the back office
   * decrypts each such row once and keeps the flag (not the answers) beside the metadata. Not
   * audited as a read: no person sees the payload.
   */
  const withAssisted = async (rows: SubmissionSummary[]): Promise<SubmissionSummary[]> => {
    const filled: SubmissionSummary[] = [];
    for (const row of rows) {
      if (row.assisted !== null) {
        filled.push(row);
        continue;
      }
      const record = await store.submission(row.id);
      // A row that cannot be opened stays unknown here: the list must still show the others, and
      // reading that row itself answers the error.
      const payload = record && (await open(record).catch(() => undefined));
      if (!payload) {
        filled.push(row);
        continue;
      }
      const flag = assistedMetadata(payload);
      await store.recordAssisted(row.id, flag.assisted, flag.assistedBy);
      filled.push({ ...row, ...flag });
    }
    return filled;
  };

  app.get('/submissions', auth, async (c) => {
    const filter = filterOf(c);
    if (filter instanceof Response) return filter;
    const { submissions, total } = await store.listSubmissions(filter);
    return c.json({
      submissions: (await withAssisted(submissions)).map(({ id, reference, type, status, createdAt, deviceId, deviceName, deviceKind, receivedAt, assisted, assistedBy, assistedByDisabled, deletesAt }) => ({
        id, reference, type, status, createdAt, deviceId, deviceName, deviceKind, receivedAt, assisted, assistedBy, assistedByDisabled: assistedByDisabled ?? false, deletesAt,
      })),
      total,
    });
  });

  // Types come from what is stored, so a type the back office has no translation for yet (a new
  // form, a tablet's home visit) can still be chosen; the screen shows its id then.
  app.get('/submission-types', auth, async (c) => c.json({ types: await store.submissionTypes() }));

  app.get('/submissions.csv', auth, async (c) => {
    const filter = filterOf(c, true);
    if (filter instanceof Response) return filter;
    const submissions = await withAssisted((await store.listSubmissions(filter)).submissions);
    // The filter holds no personal data (type, status, dates, device), so the audit keeps it whole.
    await store.appendAudit({ at: new Date().toISOString(), actor: c.var.staff!.username, action: 'export_csv', target: null, detail: { filter: { ...filter, limit: c.req.query('limit') ? filter.limit : undefined }, count: submissions.length } });
    // Columns are only ever added at the end: the municipality's case system may read them by position.
    const header = ['id', 'reference', 'type', 'schemaVersion', 'status', 'createdAt', 'receivedAt', 'deviceId', 'deviceName', 'deviceKind', 'assisted', 'assistedBy'];
    const rows = submissions.map((s) => [
      s.id, s.reference, s.type, s.schemaVersion, s.status, s.createdAt, s.receivedAt, s.deviceId, s.deviceName, s.deviceKind, s.assisted === null ? '' : s.assisted ? 'yes' : 'no', s.assistedBy,
    ]);
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
    const payload = await open(record);
    await store.appendAudit({ at: new Date().toISOString(), actor: c.var.staff!.username, action: 'read_submission', target: id, detail: { type: record.type } });
    const flag = assistedMetadata(payload);
    if (record.assisted === null) await store.recordAssisted(id, flag.assisted, flag.assistedBy);
    const { envelope: _envelope, contentHash: _hash, ...summary } = record;
    return c.json(
      // What ingest stored comes from the staff credential; the sealed payload's own claim only fills a row stored before that.
      { ...summary, ...(record.assisted === null ? flag : {}), allowedTransitions: allowedNext(record.status), payload, history: await store.history(id) },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  // The back office prints from the page it already holds; it tells the server first, so that every
  // paper copy of a citizen's answers is in the audit log like every read on screen.
  app.post('/submissions/:id/print', auth, async (c) => {
    const id = c.req.param('id');
    const record = UUID.test(id) ? await store.submission(id) : undefined;
    if (!record) return notFound(c);
    await store.appendAudit({ at: new Date().toISOString(), actor: c.var.staff!.username, action: 'print_submission', target: id, detail: { type: record.type } });
    return c.body(null, 204);
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
