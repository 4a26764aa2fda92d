import type { Kysely, Migration } from 'kysely';

/**
 * The blind index's table: one row per (case, digest). `kind` is `cpr`, `name` or `indexed` (a
 * marker that the case has been indexed, so that the start-up backfill knows which rows to open
 * once). Digests only: no CPR number or name is ever written here.
 */
export interface SubmissionSearchTable {
  submission_search: {
    submission_id: string;
    kind: string;
    digest: string;
  };
}

/** Marker row of an indexed case (its digest is empty). */
export const INDEXED_MARKER = 'indexed';

/** Migration 010: the search table; existing cases are indexed at start (search/backfill.ts). */
export const searchIndexMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('submission_search')
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('submission_search_pk', ['submission_id', 'kind', 'digest'])
      .execute();
    await db.schema.createIndex('submission_search_by_digest').on('submission_search').columns(['kind', 'digest']).execute();
  },
};
