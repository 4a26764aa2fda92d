import { sql } from 'kysely';
import type { Log } from '../log.ts';
import { composeStore, type Store } from './store.ts';
import { postgresDatabase } from './postgres.ts';
import { migrate } from './schema.ts';
import { compactSqlite, sqliteDatabase } from './sqlite.ts';


export interface StoreOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  log: Log;
  /** The key-encryption key: needed only to seal a plaintext key left by an older version. */
  kek?: Buffer;
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore({ databaseUrl, dataDir, log, kek }: StoreOptions): Promise<Store> {
  const db = databaseUrl ? postgresDatabase(databaseUrl, log) : sqliteDatabase(dataDir);
  try {
    const { removedPlaintext } = await migrate(db, { kek });
    if (removedPlaintext) {
      log('info', 'plaintext_server_key_sealed', { storage: databaseUrl ? 'postgres' : 'sqlite' });
      if (!databaseUrl) await compactSqlite(db);
      // PostgreSQL keeps an updated row's old version until vacuumed: rewrite the notes' table
      // (the dropped plaintext key table's file is gone already).
      else await sql`VACUUM FULL submission_events`.execute(db);
    }
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return composeStore(databaseUrl ? 'postgres' : 'sqlite', db);
}
