import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { insertAudit } from '../audit/audit-store.ts';
import { statusesOf, type CaseStage } from '../../retention-rule.ts';
import type { RetentionDeletes } from './submission-types.ts';

/**
 * Deletes up to `limit` cases of `stage` received before `cutoff`, with their history, and audits
 * the ids deleted, in one transaction. Which statuses each stage covers is retention's rule
 * (retention-rule.ts): the deletion of closed cases never touches work in hand.
 */
function deleteReceivedBefore(db: Kysely<Database>, stage: CaseStage, cutoff: string, at: string, limit: number): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const candidates = await trx.selectFrom('submissions').select('id').where('received_at', '<', cutoff)
      .where('status', 'in', statusesOf(stage)).orderBy('received_at').limit(limit).execute();
    if (candidates.length === 0) return [];
    const ids = candidates.map((r) => r.id);
    await trx.deleteFrom('submission_events').where('submission_id', 'in', ids).execute();
    // RETURNING: on PostgreSQL another process may have deleted some of them meanwhile; audit only ours.
    const deleted = (await trx.deleteFrom('submissions').where('id', 'in', ids).returning('id').execute()).map((r) => r.id);
    if (deleted.length > 0) {
      const detail = { receivedBefore: cutoff, ...(stage === 'open' ? { open: true } : {}), count: deleted.length, ids: deleted };
      await insertAudit(trx, { at, actor: 'system:retention', action: 'retention_delete', target: null, detail });
    }
    return deleted;
  });
}

export function retentionDeletes(db: Kysely<Database>): RetentionDeletes {
  return {
    deleteSubmissionsReceivedBefore: (cutoff, at, limit) => deleteReceivedBefore(db, 'closed', cutoff, at, limit),
    deleteOpenSubmissionsReceivedBefore: (cutoff, at, limit) => deleteReceivedBefore(db, 'open', cutoff, at, limit),
  };
}
