import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { StorageKind } from '../storage-kind.ts';
import { lockBatchKeys } from '../ingest-locks.ts';
import { outcomeAmong } from '../../ingest/idempotency.ts';
import type { EnvelopeProbe, IngestStore, InsertOutcome, NewSubmission } from './submission-types.ts';
import { insertInChunks, runsOf, wholeRun } from './ingest-batch-insert.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** How envelopes relate to what is stored, without writing (ingest/idempotency.ts decides), in one query. */
async function classifyAll(db: Db, probes: readonly EnvelopeProbe[]) {
  if (probes.length === 0) return [];
  const rows = await db
    .selectFrom('submissions')
    .select(['id', 'reference', 'content_hash', 'device_id'])
    .where((eb) => eb.or([eb('id', 'in', probes.map((p) => p.id)), eb('reference', 'in', probes.map((p) => p.reference))]))
    .execute();
  const stored = rows.map((r) => ({ id: r.id, reference: r.reference, contentHash: r.content_hash, deviceId: r.device_id }));
  return probes.map((p) => outcomeAmong(stored, p));
}

async function classify(db: Db, id: string, reference: string, contentHash: string, deviceId: string) {
  const [outcome] = await classifyAll(db, [{ id, reference, contentHash, deviceId }]);
  return outcome;
}

export function ingestWrites(db: Kysely<Database>, kind: StorageKind): IngestStore {
  const insertSubmissions = (batch: readonly NewSubmission[]): Promise<InsertOutcome[]> => {
    if (batch.length === 0) return Promise.resolve([]);
    // Items go in in order inside the transaction, a few statements per batch (ingest-batch-insert.ts):
    // a later item sees an earlier one, and ON CONFLICT turns every clash into an outcome, not an
    // error, so no item's answer depends on another's. Anything else that fails (the disk, the
    // connection) rolls back the whole batch.
    return db.transaction().execute(async (trx) => {
      if (kind === 'postgres') await lockBatchKeys(trx, batch.map((s) => s.envelope));
      return insertInChunks(trx, batch, classifyAll, kind === 'postgres' ? wholeRun : runsOf);
    });
  };

  return {
    existingOutcome: (id, reference, contentHash, deviceId) => classify(db, id, reference, contentHash, deviceId),
    existingOutcomes: (envelopes) => classifyAll(db, envelopes),
    insertSubmission: async (s) => (await insertSubmissions([s]))[0]!,
    insertSubmissions,
  };
}
