import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { StorageKind } from '../storage-kind.ts';
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

/**
 * SQLite keeps the pages a deletion changed, as they were before, in its log until the log is
 * copied back and written over (up to 4,000 pages: sqlite.ts); `secure_delete` zeroes only the
 * file's copy. After a deletion the log is copied back and emptied at once, so a copy of the data
 * directory holds nothing of a deleted case. PostgreSQL's own vacuum reclaims its dead rows.
 */
async function forgetInLog(db: Kysely<Database>, kind: StorageKind, deleted: string[]): Promise<string[]> {
  if (kind === 'sqlite' && deleted.length > 0) await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return deleted;
}

export function retentionDeletes(db: Kysely<Database>, kind: StorageKind): RetentionDeletes {
  return {
    deleteSubmissionsReceivedBefore: async (cutoff, at, limit) => forgetInLog(db, kind, await deleteReceivedBefore(db, 'closed', cutoff, at, limit)),
    deleteOpenSubmissionsReceivedBefore: async (cutoff, at, limit) => forgetInLog(db, kind, await deleteReceivedBefore(db, 'open', cutoff, at, limit)),
  };
}
