import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';

/**
 * Deterministic lock order for a batch on PostgreSQL. Two processes storing the same envelopes in
 * opposite orders would each insert one row, then wait for the other's uncommitted row: a deadlock
 * (PostgreSQL aborts one transaction, and the device saw a 500). Taking a transaction-scoped advisory
 * lock for every id and reference of the batch, all at the start and in ascending key order, means
 * any two batches that share a key queue behind each other instead. The keys are 64-bit slices of
 * SHA-256: a collision only makes two batches wait for each other, never wrong.
 */
export function advisoryKeys(items: readonly { id: string; reference: string }[]): string[] {
  const keys = new Set<bigint>();
  for (const { id, reference } of items) {
    for (const text of [`submission-id:${id}`, `submission-reference:${reference}`]) {
      keys.add(createHash('sha256').update(text).digest().readBigInt64BE(0));
    }
  }
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}

export async function lockBatchKeys(trx: Transaction<any>, items: readonly { id: string; reference: string }[]): Promise<void> {
  const keys = advisoryKeys(items);
  if (keys.length === 0) return;
  // The aggregate consumes the sorted subquery row by row, so the locks are taken in key order.
  await sql`SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(${keys}::bigint[]) AS k ORDER BY 1) AS ordered`.execute(trx);
}
