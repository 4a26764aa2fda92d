import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { insertAudit } from '../audit/audit-store.ts';
import { summaryColumns, toSummary } from './submission-rows.ts';
import type { CaseworkStore, SubmissionStatus, TransitionOutcome } from './submission-types.ts';
import { timeOrderedId } from '../time-ordered-id.ts';

export function caseworkWrites(db: Kysely<Database>): CaseworkStore {
  return {
    transitionSubmission: (id, to, allowedFrom, event) =>
      db.transaction().execute(async (trx): Promise<TransitionOutcome> => {
        const current = await trx
          .selectFrom('submissions')
          .innerJoin('devices', 'devices.id', 'submissions.device_id')
          .select(summaryColumns)
          .where('submissions.id', '=', id)
          .executeTakeFirst();
        if (!current) return { ok: false, reason: 'not_found' };
        const from = current.status as SubmissionStatus;
        if (!allowedFrom.includes(from)) return { ok: false, reason: 'not_allowed', status: from };
        // Compare-and-set on the status: of two staff members acting at once, one wins and one gets 409.
        const updated = await trx.updateTable('submissions').set({ status: to, updated_at: event.at }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) {
          const now = await trx.selectFrom('submissions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
          return { ok: false, reason: 'not_allowed', status: now.status as SubmissionStatus };
        }
        await trx
          .insertInto('submission_events')
          .values({ id: timeOrderedId(), submission_id: id, at: event.at, from_status: from, to_status: to, note: event.note, actor: event.actor })
          .execute();
        // The note stays in the history only: caseworkers write free text, which may name the citizen.
        await insertAudit(trx, { at: event.at, actor: event.actor, action: 'transition', target: id, detail: { from, to, note: event.note !== null } });
        return { ok: true, submission: toSummary({ ...current, status: to }) };
      }),

    assignSubmission: (id, assignee, at, actor) =>
      db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('submissions').select('assignee').where('id', '=', id).executeTakeFirst();
        if (!before) return false;
        await trx.updateTable('submissions').set({ assignee, updated_at: at }).where('id', '=', id).execute();
        await insertAudit(trx, { at, actor, action: 'assign_submission', target: id, detail: { previousAssignee: before.assignee, assignee } });
        return true;
      }),

    addNote: (id, event) =>
      db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('submissions').select('status').where('id', '=', id).executeTakeFirst();
        if (!current) return false;
        await trx
          .insertInto('submission_events')
          .values({ id: timeOrderedId(), submission_id: id, at: event.at, from_status: current.status, to_status: current.status, note: event.note, actor: event.actor })
          .execute();
        await insertAudit(trx, { at: event.at, actor: event.actor, action: 'add_note', target: id, detail: { status: current.status } });
        return true;
      }),

    async recordAssisted(id, assisted, assistedBy) {
      await db.updateTable('submissions').set({ assisted: assisted ? 1 : 0, assisted_by: assistedBy }).where('id', '=', id).execute();
    },
  };
}
