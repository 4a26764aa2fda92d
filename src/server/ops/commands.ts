import { backupSqlite } from './backup-sqlite.ts';
import { migrateSqliteToPostgres } from './migrate-to-postgres.ts';
import { restoreSqlite } from './restore-sqlite.ts';

/**
 * The operations commands of `src/server/cli.ts`:
 *   backup-sqlite <file>               consistent online backup of DATA_DIR's store (the server may run)
 *   restore-sqlite <file> <new-dir>    restores a backup into a new, empty data directory
 *   migrate-to-postgres                copies DATA_DIR's store into the empty DATABASE_URL (server stopped)
 * Answers the exit code, or undefined for a command that is not one of these.
 */
export const OPS_USAGE = [
  'npx tsx src/server/cli.ts backup-sqlite <file>             (DATA_DIR; the server may keep running)',
  'npx tsx src/server/cli.ts restore-sqlite <file> <new-dir>  (then start with DATA_DIR=<new-dir>)',
  'npx tsx src/server/cli.ts migrate-to-postgres              (DATA_DIR into the empty DATABASE_URL; stop the server first)',
].join('\n');

export async function runOpsCommand(args: string[], env: Record<string, string | undefined> = process.env): Promise<number | undefined> {
  const [command, ...rest] = args;
  const dataDir = env.DATA_DIR || './data';
  switch (command) {
    case 'backup-sqlite': {
      if (rest.length !== 1) return usage();
      const done = await backupSqlite(dataDir, rest[0]!);
      console.log(`Backed up ${done.submissions} submissions to ${done.file} (${done.bytes} bytes, integrity checked).`);
      return 0;
    }
    case 'restore-sqlite': {
      if (rest.length !== 2) return usage();
      const done = restoreSqlite(rest[0]!, rest[1]!);
      console.log(`Restored ${done.submissions} submissions into ${done.dataDir}; start the server with DATA_DIR=${done.dataDir}.`);
      return 0;
    }
    case 'migrate-to-postgres': {
      if (rest.length !== 0) return usage();
      if (!env.DATABASE_URL) {
        console.error('Set DATABASE_URL to the empty PostgreSQL database to migrate into.');
        return 2;
      }
      const copied = await migrateSqliteToPostgres(dataDir, env.DATABASE_URL);
      console.log(`Copied into PostgreSQL: ${Object.entries(copied).map(([t, n]) => `${t} ${n}`).join(', ')}. Sessions were not copied: staff log in again.`);
      return 0;
    }
    default:
      return undefined;
  }
}

function usage(): number {
  console.error(`usage:\n${OPS_USAGE}`);
  return 2;
}
