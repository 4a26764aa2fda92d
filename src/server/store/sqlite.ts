import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.ts';

export const SQLITE_FILE = 'kiosk.sqlite';

/** Distinct SQL texts kept prepared; the app has a few dozen, so this only bounds odd cases. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The file with each SQL text prepared once. Kysely's SQLite driver prepares every query anew,
 * which was ~0.2 ms of main-thread CPU per ingested envelope (tests/bench/BENCHMARKS.md, figure 4);
 * a statement is reusable with other parameters. A statement still iterating (`busy`, only a
 * streamed query) is not shared: that query gets a fresh one.
 */
function withPreparedStatements(file: BetterSqlite3.Database): SqliteDatabase {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => file.close(),
    prepare(sql) {
      const cached = prepared.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = file.prepare(sql);
      if (prepared.size >= STATEMENT_CACHE_SIZE) prepared.delete(prepared.keys().next().value!);
      prepared.set(sql, statement);
      return statement;
    },
  };
}

/** The embedded store: one file under dataDir, for a single server process. */
export function sqliteDatabase(dataDir: string): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true });
  const file = new BetterSqlite3(join(dataDir, SQLITE_FILE));
  // WAL lets staff reads run beside ingest. synchronous=FULL because a `stored` answer makes the
  // device delete its copy: the row must survive a power cut, which NORMAL does not promise in WAL.
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withPreparedStatements(file) }) });
}
