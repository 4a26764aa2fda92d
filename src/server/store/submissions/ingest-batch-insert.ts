import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { EnvelopeProbe, InsertOutcome, NewSubmission } from './submission-types.ts';
import { keyMaterialColumn } from './key-material.ts';
import { searchDigestRows } from '../../search/search-query.ts';

/**
 * Rows per statement. A batch from a device is at most 100; larger batches are cut so that one
 * statement stays far below SQLite's and PostgreSQL's limits on bound parameters (17 per row here).
 */
const ROWS_PER_STATEMENT = 100;

/** Every column spelled out, absent ones as null (their default): all rows of one statement need the same columns. */
function submissionRow(s: NewSubmission): Insertable<Database['submissions']> {
  const e = s.envelope;
  return {
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
    assisted: s.assisted ? (s.assisted.assisted ? 1 : 0) : null,
    assisted_by: s.assisted ? s.assisted.assistedBy : null,
    assisted_by_disabled: s.assisted?.assistedByDisabled ? 1 : null,
    witness_hash: s.witnessHash ?? null,
  };
}

/**
 * Stores up to ROWS_PER_STATEMENT submissions inside the caller's transaction with one INSERT per
 * table (a few round trips per batch instead of three per envelope), and returns one outcome per
 * item in order. ON CONFLICT DO NOTHING covers both unique keys (id; device and reference) and
 * takes the rows one after another, so an item meets the earlier items of the same statement as
 * it would meet them stored; on PostgreSQL it waits for a concurrent insert of the same key to
 * commit, so two processes never both answer `stored`. The rows RETURNING names are the stored
 * ones (matched by id and content hash: an id has one row, and identical items are stored once,
 * by the first); every other item is then classified against what is there, as `classify` would
 * have answered it at its turn: stored rows only grow within the transaction, and a later row can
 * only add a conflict to an item that already had one.
 */
export async function insertChunk(
  trx: Transaction<Database>,
  chunk: readonly NewSubmission[],
  classifyAll: (db: Transaction<Database>, probes: readonly EnvelopeProbe[]) => Promise<(InsertOutcome | undefined)[]>,
): Promise<InsertOutcome[]> {
  const inserted = await trx.insertInto('submissions').values(chunk.map(submissionRow)).onConflict((oc) => oc.doNothing()).returning(['id', 'content_hash']).execute();
  const fresh = new Map(inserted.map((r) => [r.id, r.content_hash]));
  const stored = chunk.map((s) => {
    if (fresh.get(s.envelope.id) !== s.contentHash) return false;
    fresh.delete(s.envelope.id);
    return true;
  });
  const storedItems = chunk.filter((_, i) => stored[i]);
  if (storedItems.length > 0) {
    await trx
      .insertInto('submission_events')
      .values(storedItems.map((s) => ({ id: randomUUID(), submission_id: s.envelope.id, at: s.receivedAt, from_status: null, to_status: 'received', note: null, actor: `device:${s.deviceId}` })))
      .execute();
    // A case's digests and its "indexed" marker; a repeat (the backfill racing ingest) changes nothing.
    const search = storedItems.flatMap((s) => (s.searchDigests ? searchDigestRows(s.envelope.id, s.searchDigests) : []));
    if (search.length > 0) await trx.insertInto('submission_search').values(search).onConflict((oc) => oc.doNothing()).execute();
  }
  const others = chunk.filter((_, i) => !stored[i]);
  const known = await classifyAll(trx, others.map((s) => ({ id: s.envelope.id, reference: s.envelope.reference, contentHash: s.contentHash, deviceId: s.deviceId })));
  const outcomes = known.values();
  return chunk.map((s, i) => {
    if (stored[i]) return 'stored';
    // The clash is committed (or ours, earlier in this batch), so the row is there to read. Only
    // retention deletes rows, and only rows older than any device keeps unsent.
    const outcome = outcomes.next().value;
    if (!outcome) throw new Error(`store.insertSubmissions: ${s.envelope.id} conflicted but no row was found`);
    return outcome;
  });
}

/** The batch in chunks of ROWS_PER_STATEMENT, in order, inside one transaction. */
export async function insertInChunks(
  trx: Transaction<Database>,
  batch: readonly NewSubmission[],
  classifyAll: (db: Transaction<Database>, probes: readonly EnvelopeProbe[]) => Promise<(InsertOutcome | undefined)[]>,
): Promise<InsertOutcome[]> {
  const outcomes: InsertOutcome[] = [];
  for (let i = 0; i < batch.length; i += ROWS_PER_STATEMENT) outcomes.push(...(await insertChunk(trx, batch.slice(i, i + ROWS_PER_STATEMENT), classifyAll)));
  return outcomes;
}
