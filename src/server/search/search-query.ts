import type { SelectQueryBuilder, Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { SubmissionFilter, SubmissionSort } from '../store/store.ts';
import type { SearchDigest } from './blind-index.ts';
import { INDEXED_MARKER } from './search-table.ts';

/** The inbox's sort keys as columns; `dueAt` is an order of its own (store/migration-due-dates.ts). */
export const sortColumn = {
  receivedAt: 'submissions.received_at',
  createdAt: 'submissions.created_at',
  type: 'submissions.type',
  status: 'submissions.status',
  reference: 'submissions.reference',
} as const satisfies Record<Exclude<SubmissionSort['key'], 'dueAt'>, string>;

/** Narrows the inbox's list to a reference, a CPR digest and every name digest given. */
export function whereSearch<O>(
  query: SelectQueryBuilder<Database, 'submissions' | 'devices', O>,
  filter: SubmissionFilter,
): SelectQueryBuilder<Database, 'submissions' | 'devices', O> {
  let q = query;
  if (filter.reference) q = q.where('submissions.reference', '=', filter.reference);
  const digests: SearchDigest[] = [
    ...(filter.cprDigest ? [{ kind: 'cpr' as const, digest: filter.cprDigest }] : []),
    ...(filter.nameDigests ?? []).map((digest) => ({ kind: 'name' as const, digest })),
  ];
  for (const d of digests) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('submission_search')
          .select('submission_search.submission_id')
          .whereRef('submission_search.submission_id', '=', 'submissions.id')
          .where('submission_search.kind', '=', d.kind)
          .where('submission_search.digest', '=', d.digest),
      ),
    );
  }
  return q;
}

/** A case's digests and its "indexed" marker; a repeat (the backfill racing ingest) changes nothing. */
export async function insertSearchDigests(trx: Transaction<Database>, id: string, digests: readonly SearchDigest[]): Promise<void> {
  await trx.insertInto('submission_search').values(searchDigestRows(id, digests)).onConflict((oc) => oc.doNothing()).execute();
}

/** The `submission_search` rows of one case: its digests and the marker (insert them with ON CONFLICT DO NOTHING). */
export function searchDigestRows(id: string, digests: readonly SearchDigest[]): { submission_id: string; kind: string; digest: string }[] {
  return [...digests, { kind: INDEXED_MARKER, digest: '' }].map((d) => ({ submission_id: id, kind: d.kind, digest: d.digest }));
}
