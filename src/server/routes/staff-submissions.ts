import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { envelopeSchema } from '#contract/v1.ts';
import { transitionBodySchema } from '#contract/staff.ts';
import type { AppEnv } from '../app-env.ts';
import { assistedMetadata } from '../assisted.ts';
import type { ServerKeyring } from '../crypto/server-key.ts';
import { decryptEnvelope } from '../crypto/open-envelope.ts';
import { toExcelCsv } from '../csv.ts';
import { submissionsCsvRows } from '../submissions-csv.ts';
import { apiError } from '../http/errors.ts';
import { describeIssues, limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import { witnessCheck, witnessLimitOn, witnessWindowStart } from '../casework/witness-rule.ts';
import { normalizeUsername } from '../auth/staff-users.ts';
import { allowedFrom, allowedFromWithNote, allowedNext, hasNote, noteRequirement } from '#domain/casework/submission-workflow.ts';
import { blankToUndefined, dateBound } from './staff-query.ts';
import { parseSearchParams } from '../search/search-params.ts';
import { citizenNameOf, NAMED_PAGE_MAX } from '../search/citizen-name.ts';
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
  /** `me`, a username, or `none` for cases nobody has. */
  assignee: v.optional(v.pipe(v.string(), blankToUndefined, v.optional(v.pipe(v.string(), v.maxLength(64))))),
});

/** The transition body, as the staff contract declares it (and the OpenAPI document shows it). */
const transitionSchema = transitionBodySchema;

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
    const { from, to, limit, assignee: who, ...rest } = parsed.output;
    const search = parseSearchParams(c.req.query());
    if ('error' in search) return apiError(c, 400, 'invalid_filter', search.error);
    const assignee = who === undefined ? undefined : who === 'none' ? null : who === 'me' ? c.var.staff!.username : normalizeUsername(who);
    // Always a limit: a page is bounded, and OFFSET needs one in SQLite.
    return { ...rest, ...search, ...(assignee === undefined ? {} : { assignee }), limit: limit ?? (csv ? MAX_PAGE_SIZE : DEFAULT_PAGE_SIZE), createdFrom: from, createdBefore: to };
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

  /** The citizen's name of each row, decrypted for a page the size of the inbox's at most (citizen-name.ts). */
  const namesOf = async (rows: SubmissionSummary[], limit: number | undefined): Promise<Map<string, string>> => {
    const names = new Map<string, string>();
    if (limit === undefined || limit > NAMED_PAGE_MAX) return names;
    for (const row of rows) {
      const record = await store.submission(row.id);
      const payload = record && (await open(record).catch(() => undefined));
      const name = payload && citizenNameOf(payload);
      if (name) names.set(row.id, name);
    }
    return names;
  };

  app.get('/submissions', auth, async (c) => {
    const filter = filterOf(c);
    if (filter instanceof Response) return filter;
    const { submissions, total } = await store.listSubmissions(filter);
    const names = await namesOf(submissions, filter.limit);
    return c.json({
      submissions: (await withAssisted(submissions)).map(({ id, reference, type, status, createdAt, deviceId, deviceName, deviceKind, receivedAt, assisted, assistedBy, assistedByDisabled, deletesAt, assignee, dueAt }) => ({
        id, reference, type, status, createdAt, deviceId, deviceName, deviceKind, receivedAt, assisted, assistedBy, assistedByDisabled: assistedByDisabled ?? false, deletesAt, citizenName: names.get(id),
        assignee, dueAt,
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
    // The audit keeps the filter (type, status, dates, device, reference) but never a searched CPR number or name.
    await store.appendAudit({ at: new Date().toISOString(), actor: c.var.staff!.username, action: 'export_csv', target: null, detail: { filter: { ...filter, cpr: undefined, nameTokens: undefined, byCpr: filter.cpr ? true : undefined, byName: filter.nameTokens ? true : undefined, limit: c.req.query('limit') ? filter.limit : undefined }, count: submissions.length } });
    // Danish unless the caseworker asks for English (?lang=en); anything else is Danish too.
    const language = c.req.query('lang') === 'en' ? 'en' : 'da';
    return c.body(toExcelCsv(submissionsCsvRows(submissions, language)), 200, {
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
    const limit = witnessLimitOn(new Date(record.createdAt));
    const sightings = limit && (await store.witnessSightings(id, (createdAt) => witnessWindowStart(new Date(createdAt), limit.withinDays)));
    return c.json(
      // What ingest stored comes from the staff credential; the sealed payload's own claim only fills a row stored before that.
      { ...summary, ...(record.assisted === null ? flag : {}), dueAt: record.dueAt, witness: limit && sightings ? witnessCheck(sightings.seen, limit) : null, allowedTransitions: allowedNext(record.status), payload, history: await store.history(id) },
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
    // Steps that need a note are refused by the store's compare-and-set when there is none, so a
    // colleague's change between a read and the write cannot slip a rejection through without one.
    const outcome = await store.transitionSubmission(id, body.to, allowedFromWithNote(body.to, body.note), {
      at: new Date().toISOString(),
      note: hasNote(body.note) ? body.note.trim() : null,
      actor: staff.username,
    });
    if (!outcome.ok && outcome.reason === 'not_found') return notFound(c);
    const needs = !outcome.ok && allowedFrom(body.to).includes(outcome.status) ? noteRequirement(outcome.status, body.to) : undefined;
    if (needs) {
      return apiError(c, 400, needs, needs === 'rejection_needs_note'
        ? 'Write why the request is rejected: the citizen may ask.'
        : 'Write why the case is reopened.');
    }
    if (!outcome.ok) {
      const options = allowedNext(outcome.status);
      return apiError(c, 409, 'transition_not_allowed',
        `A ${outcome.status} submission cannot become ${body.to}; allowed: ${options.length ? options.join(', ') : 'none (final)'}.`);
    }
    return c.json({ ...outcome.submission, allowedTransitions: allowedNext(outcome.submission.status), history: await store.history(id) });
  });

  return app;
}
