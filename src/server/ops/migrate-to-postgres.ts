import type { Kysely } from 'kysely';
import { silentLog } from '../log.ts';
import { postgresDatabase } from '../store/postgres.ts';
import { migrate, type Database } from '../store/schema.ts';
import { sqliteDatabase } from '../store/sqlite.ts';

/**
 * Tables in the order their foreign keys allow. Sessions are not moved: staff log in again after
 * the move; nor are failed-attempt counters. The key pairs stay sealed under the same KEK, so the
 * PostgreSQL servers must be given the KEK the SQLite installation used. The schema's own bookkeeping (kysely_migration) is made by migrate() on PostgreSQL.
 */
const TABLES = ['key_pairs', 'devices', 'users', 'staff_second_factors', 'enrolment_codes', 'submissions', 'submission_events', 'audit_log', 'device_reports', 'bookings'] as const;
const BATCH = 500;

/**
 * Copies a SQLite installation (DATA_DIR) into an EMPTY PostgreSQL database (DATABASE_URL), in one
 * transaction: either everything arrives or nothing does. Stop the server first; the SQLite file is
 * only read. Answers the rows copied per table.
 */
export async function migrateSqliteToPostgres(dataDir: string, databaseUrl: string): Promise<Record<string, number>> {
  const from = sqliteDatabase(dataDir);
  const to = postgresDatabase(databaseUrl, silentLog);
  try {
    await migrate(from);
    await migrate(to);
    for (const table of TABLES) {
      const { n } = (await to.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()) as { n: string };
      if (Number(n) > 0) throw new Error(`The PostgreSQL database is not empty (${table} has ${n} rows); migrate only into an empty database`);
    }
    const copied: Record<string, number> = {};
    await to.transaction().execute(async (trx) => {
      for (const table of TABLES) copied[table] = await copyTable(from, trx, table);
    });
    return copied;
  } finally {
    await Promise.all([from.destroy(), to.destroy()]);
  }
}

async function copyTable(from: Kysely<Database>, to: Kysely<Database>, table: (typeof TABLES)[number]): Promise<number> {
  let copied = 0;
  // rowid order: stable paging without assuming a key column.
  for (let offset = 0; ; offset += BATCH) {
    const rows = (await from.selectFrom(table).selectAll().orderBy(from.dynamic.ref('rowid')).limit(BATCH).offset(offset).execute()) as Record<string, unknown>[];
    if (rows.length === 0) return copied;
    await to.insertInto(table).values(rows as never).execute();
    copied += rows.length;
  }
}
