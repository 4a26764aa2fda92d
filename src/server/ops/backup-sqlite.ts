import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SQLITE_FILE } from '../store/sqlite.ts';

export interface BackupSummary {
  file: string;
  bytes: number;
  submissions: number;
}

/** Pages per backup step: all of them at once, so that ingest writing meanwhile cannot make the copy start over. */
const ALL_PAGES = 0x7fffffff;

/** Opens a SQLite file and checks it page by page; throws naming the file when it is damaged. */
export function checkSqliteFile(file: string): { submissions: number } {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(String(result));
    const { n } = db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number };
    return { submissions: n };
  } catch (err) {
    throw new Error(`${file} is not a sound backup of the kiosk store: ${(err as Error).message}`, { cause: err });
  } finally {
    db?.close();
  }
}

/**
 * A consistent copy of the running server's SQLite store (SQLite's online backup API: a snapshot
 * of one moment, taken while the server keeps ingesting; WAL lets it read without blocking
 * writers). Written beside the target as `.partial` and renamed only once checked, so a file with
 * the target's name is always a complete backup. Never overwrites an existing file.
 */
export async function backupSqlite(dataDir: string, target: string): Promise<BackupSummary> {
  const source = join(dataDir, SQLITE_FILE);
  const file = resolve(target);
  if (!existsSync(source)) throw new Error(`No SQLite store at ${source} (DATA_DIR)`);
  if (existsSync(file)) throw new Error(`${file} exists already; choose a new file name`);
  if (!existsSync(dirname(file))) throw new Error(`The directory ${dirname(file)} does not exist`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  try {
    const { submissions } = checkSqliteFile(partial);
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, submissions };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}
