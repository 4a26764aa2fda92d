import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { assignBodySchema as assignSchema, noteBodySchema as noteSchema, type CaseStateAnswer } from '#contract/staff.ts';
import type { AppEnv } from '../app-env.ts';
import { normalizeUsername } from '../auth/staff-users.ts';
import { assignmentRefusal } from '../casework/assignment.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import { allowedNext } from '#domain/casework/submission-workflow.ts';
import type { Store } from '../store/store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export { MAX_NOTE_LENGTH } from '#contract/staff.ts';

const refusalText = {
  assign_self_only: 'A caseworker can take a case, but only an admin can give it to someone else.',
  release_own_only: 'A caseworker can give back only their own case; ask an admin or the colleague who has it.',
} as const;

/**
 * Casework on one case: who has it (POST /submissions/:id/assign) and notes at any time (POST
 * /submissions/:id/notes). Both are audited in the store, in the same transaction as the change.
 */
export function staffCaseworkRoutes({ store, auth }: { store: Store; auth: MiddlewareHandler<AppEnv> }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const notFound = (c: Context<AppEnv>) => apiError(c, 404, 'not_found', `No submission with id ${c.req.param('id')}.`);

  /** The case as the screen shows it after a change: status, who has it, when it is due, its history. */
  const caseState = async (id: string): Promise<CaseStateAnswer> => {
    const record = (await store.submission(id))!;
    return {
      id,
      status: record.status,
      assignee: record.assignee,
      dueAt: record.dueAt,
      allowedTransitions: [...allowedNext(record.status)],
      history: await store.history(id),
    };
  };

  app.post('/submissions/:id/assign', auth, limitBody(SMALL_BODY_BYTES), async (c) => {
    const id = c.req.param('id');
    const record = UUID.test(id) ? await store.submission(id) : undefined;
    if (!record) return notFound(c);
    const body = await readJsonBody(c, assignSchema);
    if (body instanceof Response) return body;
    const staff = c.var.staff!;
    const assignee = body.assignee === null ? null : normalizeUsername(body.assignee);
    const refusal = assignmentRefusal(staff, assignee, record.assignee);
    if (refusal) return apiError(c, 403, refusal, refusalText[refusal]);
    if (assignee !== null) {
      const user = await store.userByUsername(assignee);
      if (!user || user.disabledAt) return apiError(c, 400, 'unknown_assignee', `No active staff account is called ${JSON.stringify(assignee)}.`);
    }
    if (!(await store.assignSubmission(id, assignee, new Date().toISOString(), staff.username))) return notFound(c);
    return c.json(await caseState(id), 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/submissions/:id/notes', auth, limitBody(SMALL_BODY_BYTES), async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return notFound(c);
    const body = await readJsonBody(c, noteSchema);
    if (body instanceof Response) return body;
    const note = body.note.trim();
    if (note === '') return apiError(c, 400, 'note_required', 'Write the note first: it is empty.');
    if (!(await store.addNote(id, { at: new Date().toISOString(), note, actor: c.var.staff!.username }))) return notFound(c);
    return c.json(await caseState(id), 201, { 'Cache-Control': 'no-store' });
  });

  return app;
}
