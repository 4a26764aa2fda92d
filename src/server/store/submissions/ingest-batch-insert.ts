import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { EnvelopeProbe, InsertOutcome, NewSubmission } from './submission-types.ts';
import { keyMaterialColumn } from './key-material.ts';
import { caseDueDate } from '#domain/due-date.ts';
import { searchDigestRows } from '../../search/search-query.ts';
import { timeOrderedId } from '../time-ordered-id.ts';

/** Envelopes classified together; a device's batch is at most 100 (the contract's MAX_BATCH). */
const ROWS_PER_CHUNK = 100;
/** Run lengths below a whole chunk: 64 × 19 bound parameters at most. (A whole chunk on PostgreSQL: 100 × 19, far below its limit.) */
const LONGEST_PART = 64;

/**
 * Cuts rows into runs of a whole chunk (100 rows: a full batch, the common case under load, is one
 * statement), then 64, 32, 16, …, 1 rows, in order. An INSERT's text depends on its row count, and
 * the SQLite store keeps a bounded cache of prepared statements by text: any batch then uses at most
 * eight texts per table, not one per size (which would push the staff screens' statements out of the
 * cache).
 */
export function* runsOf<T>(rows: readonly T[]): Generator<T[]> {
  let start = 0;
  while (rows.length - start >= ROWS_PER_CHUNK) {
    yield rows.slice(start, start + ROWS_PER_CHUNK);
    start += ROWS_PER_CHUNK;
  }
  for (let size = LONGEST_PART; size >= 1; size >>= 1) {
    while (rows.length - start >= size) {
      yield rows.slice(start, start + size);
      start += size;
    }
  }
}

/**
 * A case's due date depends on its type and the day it arrived, and a batch arrives at one moment:
 * worked out once per type and batch (the rule walks business days and holidays), not per row.
 */
function dueDates(): (type: string, receivedAt: string) => string {
  const known = new Map<string, string>();
  return (type, receivedAt) => {
    const key = `${type} ${receivedAt}`;
    let due = known.get(key);
    if (due === undefined) known.set(key, (due = caseDueDate(type, new Date(receivedAt))));
    return due;
  };
}

/** Every column spelled out, absent ones as null (their default): all rows of one statement need the same columns. */
function submissionRow(s: NewSubmission, dueAt: (type: string, receivedAt: string) => string): Insertable<Database['submissions']> {
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
    due_at: dueAt(e.type, s.receivedAt),
    assisted: s.assisted ? (s.assisted.assisted ? 1 : 0) : null,
    assisted_by: s.assisted ? s.assisted.assistedBy : null,
    assisted_by_disabled: s.assisted?.assistedByDisabled ? 1 : null,
    witness_hash: s.witnessHash ?? null,
  };
}

/**
 * Stores up to ROWS_PER_CHUNK submissions inside the caller's transaction with a few INSERTs per
 * table (runsOf; a few round trips per batch instead of three per envelope), and returns one
 * outcome per item in order. ON CONFLICT DO NOTHING covers both unique keys (id; device and reference) and
 * takes the rows one after another, so an item meets the earlier items of the same statement as
 * it would meet them stored; on PostgreSQL it waits for a concurrent insert of the same key to
 * commit, so two processes never both answer `stored`. The rows RETURNING names are the stored
 * ones (matched by id and content hash: an id has one row, and identical items are stored once,
 * by the first); every other item is then classified against what is there, as `classify` would
 * have answered it at its turn: stored rows only grow within the transaction, and a later row can
 * only add a conflict to an item that already had one.
 */
/**
 * How rows are cut into statements: runsOf for SQLite's statement cache; on PostgreSQL (no
 * prepared-statement cache, and every statement a round trip) all of them in one.
 */
export type Runs = <T>(rows: readonly T[]) => Iterable<T[]>;
export const wholeRun: Runs = (rows) => (rows.length > 0 ? [[...rows]] : []);

type ClassifyAll = (db: Transaction<Database>, probes: readonly EnvelopeProbe[]) => Promise<(InsertOutcome | undefined)[]>;

export async function insertChunk(trx: Transaction<Database>, chunk: readonly NewSubmission[], classifyAll: ClassifyAll, runs: Runs): Promise<InsertOutcome[]> {
  const fresh = new Map<string, string>();
  const dueAt = dueDates();
  for (const run of runs(chunk)) {
    const inserted = await trx.insertInto('submissions').values(run.map((s) => submissionRow(s, dueAt))).onConflict((oc) => oc.doNothing()).returning(['id', 'content_hash']).execute();
    for (const r of inserted) fresh.set(r.id, r.content_hash);
  }
  const stored = chunk.map((s) => {
    if (fresh.get(s.envelope.id) !== s.contentHash) return false;
    fresh.delete(s.envelope.id);
    return true;
  });
  const storedItems = chunk.filter((_, i) => stored[i]);
  if (storedItems.length > 0) {
    const events = storedItems.map((s) => ({ id: timeOrderedId(), submission_id: s.envelope.id, at: s.receivedAt, from_status: null, to_status: 'received', note: null, actor: `device:${s.deviceId}` }));
    for (const run of runs(events)) await trx.insertInto('submission_events').values(run).execute();
    // A case's digests and its "indexed" marker; a repeat (the backfill racing ingest) changes nothing.
    const search = storedItems.flatMap((s) => (s.searchDigests ? searchDigestRows(s.envelope.id, s.searchDigests) : []));
    for (const run of runs(search)) await trx.insertInto('submission_search').values(run).onConflict((oc) => oc.doNothing()).execute();
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

/** The batch in chunks of ROWS_PER_CHUNK, in order, inside one transaction. */
export async function insertInChunks(trx: Transaction<Database>, batch: readonly NewSubmission[], classifyAll: ClassifyAll, runs: Runs): Promise<InsertOutcome[]> {
  const outcomes: InsertOutcome[] = [];
  for (let i = 0; i < batch.length; i += ROWS_PER_CHUNK) outcomes.push(...(await insertChunk(trx, batch.slice(i, i + ROWS_PER_CHUNK), classifyAll, runs)));
  return outcomes;
}
