import type { Kysely, Migration } from 'kysely';

/**
 * Migration 011: casework. `assignee` is the username of the caseworker who has the case (NULL
 * while nobody has it), indexed for "my cases". Notes written outside a status change are rows of
 * submission_events with from_status = to_status, so they need no column of their own. Cases stored
 * before this migration have no witness hash: the register counts from here on.
 */
export const caseworkMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('submissions').addColumn('assignee', 'text').execute();
    await db.schema.createIndex('submissions_assignee').on('submissions').columns(['assignee', 'received_at']).execute();
    // The witness register (casework/witness-index.ts): a keyed hash of the witness's CPR number, never the number.
    await db.schema.alterTable('submissions').addColumn('witness_hash', 'text').execute();
    await db.schema.createIndex('submissions_witness').on('submissions').columns(['witness_hash', 'created_at']).execute();
  },
};
