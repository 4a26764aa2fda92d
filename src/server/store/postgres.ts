import pg from 'pg';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { Database } from './schema.ts';
import type { Log } from '../log.ts';
import { parsePostgresTargets } from './postgres-hosts.ts';

const POOL_SIZE = 10;
/** A host that does not answer within this is skipped (a failed primary may not even refuse). */
const CONNECT_TIMEOUT_MS = 5_000;

function hostPool(connectionString: string, log: Log): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // An idle client that loses its connection emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (err) => log('error', 'postgres_pool_error', { message: err.message }));
  // So may a client that is checked out between two queries (inside a transaction) when the server
  // dies: the query that follows fails instead, the request answers 500 and the device resends.
  pool.on('connect', (client) => client.on('error', (err) => log('error', 'postgres_client_error', { message: err.message })));
  return pool;
}

/**
 * Several hosts (a primary and its standbys): connections go to the first host that accepts writes.
 * A new connection is asked `pg_is_in_recovery()` once; a standby is skipped. When the primary
 * fails, its connections break (the requests using them answer 5xx, so devices resend), new
 * connections to it are refused, and the next host that has been promoted takes over.
 */
class ReadWritePool implements PostgresPool {
  private readonly pools: pg.Pool[];
  private readonly checked = new WeakSet<object>();
  private current = 0;

  constructor(
    urls: string[],
    private readonly log: Log,
  ) {
    this.pools = urls.map((url) => hostPool(url, log));
  }

  async connect(): Promise<PostgresPoolClient> {
    let lastError: Error | undefined;
    for (let i = 0; i < this.pools.length; i++) {
      const index = (this.current + i) % this.pools.length;
      let client: pg.PoolClient | undefined;
      try {
        client = await this.pools[index]!.connect();
        if (!this.checked.has(client)) {
          const { rows } = await client.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
          if (rows[0]?.standby) throw new Error('the host is a standby (read-only)');
          this.checked.add(client);
        }
        if (index !== this.current) {
          this.log('warn', 'postgres_primary_changed', { from: this.current, to: index });
          this.current = index;
        }
        return client;
      } catch (err) {
        // A broken or read-only connection must not go back to the pool for someone else.
        client?.release(err as Error);
        lastError = err as Error;
      }
    }
    throw new Error(`No PostgreSQL host accepts writes: ${lastError?.message ?? 'no hosts'}`, { cause: lastError });
  }

  async end(): Promise<void> {
    await Promise.all(this.pools.map((p) => p.end()));
  }
}

/**
 * The shared store: several server processes behind a load balancer use one PostgreSQL database.
 * DATABASE_URL may name several hosts (`postgres://u@h1:5432,h2:5432/db?target_session_attrs=read-write`).
 */
export function postgresDatabase(databaseUrl: string, log: Log): Kysely<Database> {
  const targets = parsePostgresTargets(databaseUrl);
  const pool = targets.readWrite ? new ReadWritePool(targets.urls, log) : hostPool(targets.urls[0]!, log);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
