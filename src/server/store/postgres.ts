import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.ts';
import type { Log } from '../log.ts';

/** The shared store: several server processes behind a load balancer use one PostgreSQL database. */
export function postgresDatabase(databaseUrl: string, log: Log): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client that loses its connection emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (err) => log('error', 'postgres_pool_error', { message: err.message }));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
