import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
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

/**
 * Only the server's own user may read the data: the directory 0700, the database 0600. SQLite
 * creates its -wal and -shm files with the database file's mode, so creating that file 0600
 * first covers them; files made by an older version are tightened here.
 */
function restrictFileModes(dataDir: string, path: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/** After plaintext secrets were deleted: rewrite the file and empty the WAL, so no old page or frame keeps them. */
export async function compactSqlite(db: Kysely<Database>): Promise<void> {
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  await sql`VACUUM`.execute(db);
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}

const WAL_CHECKPOINT_PAGES = 4000;

/** The embedded store: one file under dataDir, for a single server process. */
export function sqliteDatabase(dataDir: string): Kysely<Database> {
  const path = join(dataDir, SQLITE_FILE);
  restrictFileModes(dataDir, path);
  const file = new BetterSqlite3(path);
  // Deleted rows (a closed case's notes, a dropped plaintext key) are overwritten with zeros, not
  // left in free pages where a copy of the file would still show them.
  file.pragma('secure_delete = ON');
  // WAL lets staff reads run beside ingest. synchronous=FULL because a `stored` answer makes the
  // device delete its copy: the row must survive a power cut, which NORMAL does not promise in WAL.
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  // The log is copied back into the file once it holds 4,000 pages (16 MiB), not SQLite's default
  // 1,000: a batch of 100 envelopes writes several hundred pages, so the default copied back after
  // almost every batch, rewriting the same index pages each time and blocking ingest for it. When
  // the copy happens changes nothing about durability (a commit is on disk in the log already).
  file.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withPreparedStatements(file) }) });
}
