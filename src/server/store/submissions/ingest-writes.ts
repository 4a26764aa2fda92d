import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { StorageKind } from '../storage-kind.ts';
import { lockBatchKeys } from '../ingest-locks.ts';
import { outcomeAmong } from '../../ingest/idempotency.ts';
import { insertSearchDigests } from '../../search/search-query.ts';
import type { EnvelopeProbe, IngestStore, InsertOutcome, NewSubmission } from './submission-types.ts';
import { keyMaterialColumn } from './key-material.ts';
import { caseDueDate } from '#domain/due-date.ts';

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

/** One submission and its `received` event, inside the caller's transaction. */
async function insertOne(trx: Transaction<Database>, s: NewSubmission): Promise<InsertOutcome> {
  const e = s.envelope;
  // ON CONFLICT DO NOTHING covers both unique keys (id; device and reference). On PostgreSQL it waits for a
  // concurrent insert of the same key to commit, so two processes never both answer `stored`.
  const row = await trx
    .insertInto('submissions')
    .values({
      id: e.id,
      reference: e.reference,
      type: e.type,
      schema_version: e.schemaVersion,
      created_at: e.createdAt,
      kid: e.kid,
      iv: e.iv,
      wrapped_key: keyMaterialColumn(e),
      ciphertext: e.ciphertext,
      content_hash: s.contentHash,
      device_id: s.deviceId,
      received_at: s.receivedAt,
      status: 'received',
      updated_at: s.receivedAt,
      due_at: caseDueDate(e.type, new Date(s.receivedAt)),
      ...(s.assisted ? { assisted: s.assisted.assisted ? 1 : 0, assisted_by: s.assisted.assistedBy, assisted_by_disabled: s.assisted.assistedByDisabled ? 1 : null } : {}),
      ...(s.witnessHash ? { witness_hash: s.witnessHash } : {}),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) {
    await trx
      .insertInto('submission_events')
      .values({ id: randomUUID(), submission_id: e.id, at: s.receivedAt, from_status: null, to_status: 'received', note: null, actor: `device:${s.deviceId}` })
      .execute();
    if (s.searchDigests) await insertSearchDigests(trx, e.id, s.searchDigests);
    return 'stored';
  }
  // The clash is committed (or ours, earlier in this batch), so the row is there to read. Only
  // retention deletes rows, and only rows older than any device keeps unsent.
  const outcome = await classify(trx, e.id, e.reference, s.contentHash, s.deviceId);
  if (!outcome) throw new Error(`store.insertSubmission: ${e.id} conflicted but no row was found`);
  return outcome;
}

export function ingestWrites(db: Kysely<Database>, kind: StorageKind): IngestStore {
  const insertSubmissions = (batch: readonly NewSubmission[]): Promise<InsertOutcome[]> => {
    if (batch.length === 0) return Promise.resolve([]);
    // Items go in one after another inside the transaction: a later item sees an earlier one, and
    // ON CONFLICT turns every clash into an outcome, not an error, so no item's answer depends on
    // another's. Anything else that fails (the disk, the connection) rolls back the whole batch.
    return db.transaction().execute(async (trx) => {
      if (kind === 'postgres') await lockBatchKeys(trx, batch.map((s) => s.envelope));
      const outcomes: InsertOutcome[] = [];
      for (const s of batch) outcomes.push(await insertOne(trx, s));
      return outcomes;
    });
  };

  return {
    existingOutcome: (id, reference, contentHash, deviceId) => classify(db, id, reference, contentHash, deviceId),
    existingOutcomes: (envelopes) => classifyAll(db, envelopes),
    insertSubmission: async (s) => (await insertSubmissions([s]))[0]!,
    insertSubmissions,
  };
}
