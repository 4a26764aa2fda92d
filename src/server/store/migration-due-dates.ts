import { sql, type Kysely, type Migration } from 'kysely';
import { caseDueDate } from '#domain/due-date.ts';

/** Rows read and written at a time by the backfill: bounded memory on an installation of any size. */
const BACKFILL_BATCH = 500;

/**
 * Migration 019: the due date is stored, so the inbox sorts and pages by it in SQL. A case's due
 * date is fixed when it arrives: it is counted from the arrival day with the rule in force that
 * day (domain/due-date.ts, dated rule data), so a value stored at ingest never goes stale as days
 * pass; only overdue-ness does, and that is "due date before today", which the order gives. SQL
 * could not compute it itself (business days skip public holidays, which are rule data in code).
 * Every existing case is backfilled here from the same rule data; ingest stores it from now on.
 */
export const dueDatesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('submissions').addColumn('due_at', 'text').execute();
    await db.schema.createIndex('submissions_due_at').on('submissions').columns(['due_at', 'id']).execute();
    for (;;) {
      const rows = await db.selectFrom('submissions').select(['id', 'type', 'received_at']).where('due_at', 'is', null).orderBy('id').limit(BACKFILL_BATCH).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        await db.updateTable('submissions').set({ due_at: caseDueDate(row.type, new Date(row.received_at)) }).where('id', '=', row.id).execute();
      }
    }
  },
};

/**
 * The inbox's order by due date: open cases first, overdue ones at the top (the earliest due dates
 * are the ones past), then closed cases, which are never overdue. A row written by an older server
 * without a due date sorts as due on its arrival day, so it is seen rather than buried.
 */
export const openFirst = sql<number>`case when submissions.status in ('done', 'rejected') then 1 else 0 end`;
export const dueOrder = sql<string>`coalesce(submissions.due_at, substr(submissions.received_at, 1, 10))`;
