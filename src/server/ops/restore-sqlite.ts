import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SQLITE_FILE } from '../store/sqlite.ts';
import { checkSqliteFile } from './backup-sqlite.ts';

/**
 * Restores a backup made by backup-sqlite into a new data directory (never over a store that
 * exists: an operator restoring by mistake must not lose the live data). The file is checked
 * first; start the server with DATA_DIR set to the new directory.
 */
export function restoreSqlite(backupFile: string, newDataDir: string): { dataDir: string; submissions: number } {
  const from = resolve(backupFile);
  const dataDir = resolve(newDataDir);
  if (!existsSync(from)) throw new Error(`No backup file at ${from}`);
  const target = join(dataDir, SQLITE_FILE);
  if (existsSync(target)) throw new Error(`${target} exists already: restore into a new, empty directory`);
  const { submissions } = checkSqliteFile(from);
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(from, `${target}.partial`);
  renameSync(`${target}.partial`, target);
  return { dataDir, submissions };
}
