import type { Log } from '../log.ts';
import { KyselyStore } from './kysely-store.ts';
import { postgresDatabase } from './postgres.ts';
import { migrate } from './schema.ts';
import { sqliteDatabase } from './sqlite.ts';
import type { Store } from './store.ts';

export interface StoreOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  log: Log;
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore({ databaseUrl, dataDir, log }: StoreOptions): Promise<Store> {
  const db = databaseUrl ? postgresDatabase(databaseUrl, log) : sqliteDatabase(dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new KyselyStore(databaseUrl ? 'postgres' : 'sqlite', db);
}
