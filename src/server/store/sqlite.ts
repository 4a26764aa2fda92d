import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export const SQLITE_FILE = 'kiosk.sqlite';

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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
}
