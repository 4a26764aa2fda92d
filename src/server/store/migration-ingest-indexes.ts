import type { Kysely, Migration } from 'kysely';

/**
 * Migration 021: two fewer indexes to write per stored envelope, no look-up slower.
 *
 * Every index on `submissions` costs each new envelope a write into a page of its own (an id or a
 * reference lands anywhere in the index), and at ingest those page writes are most of the
 * database's work (tests/bench/BENCHMARKS.md). Two of them bought nothing:
 * - `submissions_reference` (reference) beside the unique `submissions_device_reference`
 *   (device_id, reference): one unique index on (reference, device_id) keeps the rule of
 *   migration 013 (a reference is unique per device) and serves the look-ups and the order by
 *   reference alone, which the old pair needed two indexes for.
 * - `submissions_due_at` (due_at, id), made by migration 019 for the inbox's order by due date:
 *   that order is an expression (open cases first, a missing due date counted from the arrival
 *   day: migration-due-dates.ts), which no index on the column serves; neither SQLite nor
 *   PostgreSQL used it.
 */
export const ingestIndexesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('submissions_reference_device').unique().on('submissions').columns(['reference', 'device_id']).execute();
    await db.schema.dropIndex('submissions_device_reference').execute();
    await db.schema.dropIndex('submissions_reference').execute();
    await db.schema.dropIndex('submissions_due_at').execute();
  },
};
