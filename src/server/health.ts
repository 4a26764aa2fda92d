import { Hono, type Context } from 'hono';
import type { AppEnv } from './app-env.ts';
import type { ServerKeyring } from './crypto/server-key.ts';
import type { Log } from './log.ts';
import type { Store } from './store/store.ts';

/** Longer than this without an answer, the database counts as unreachable (a hung connection must not hang the probe). */
const DATABASE_TIMEOUT_MS = 3_000;

export interface HealthDeps {
  store: Store;
  keyring: ServerKeyring;
  /** True once shutdown began: readiness fails so the load balancer stops sending, liveness stays ok. */
  draining: () => boolean;
  log: Log;
}

type Check = { ok: true } | { ok: false; reason: string };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Can this process store and decrypt a submission now? The database answers, and the active key opens. */
async function ready({ store, keyring, draining, log }: HealthDeps): Promise<Check> {
  if (draining()) return { ok: false, reason: 'shutting_down' };
  const fail = (reason: string, err?: unknown): Check => {
    // Logged, not answered: the message may name hosts, and the probe is public.
    log('warn', 'not_ready', { reason, ...(err ? { message: (err as Error).message } : {}) });
    return { ok: false, reason };
  };
  try {
    await withTimeout(store.ping(), DATABASE_TIMEOUT_MS);
  } catch (err) {
    return fail('database_unreachable', err);
  }
  try {
    // Another process may have rotated the key: the one in the database must be one this process can open.
    const active = await withTimeout(store.activeServerKey(), DATABASE_TIMEOUT_MS);
    if (!active || !(await keyring.privateKey(active.kid))) return fail('server_key_unavailable');
  } catch (err) {
    return fail('server_key_unavailable', err);
  }
  return { ok: true };
}

/**
 * GET /api/health and /api/health/ready: 200 `{ok: true, storage}` or 503 `{ok: false, storage,
 * reason}` (database_unreachable, server_key_unavailable, shutting_down). GET /api/health/live: 200
 * while the process can answer at all; a load balancer restarts on liveness, routes on readiness.
 */
export function healthRoutes(deps: HealthDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const answer = async (c: Context<AppEnv>) => {
    const check = await ready(deps);
    c.header('Cache-Control', 'no-store');
    return check.ok ? c.json({ ok: true, storage: deps.store.kind }) : c.json({ ok: false, storage: deps.store.kind, reason: check.reason }, 503);
  };
  app.get('/', answer);
  app.get('/ready', answer);
  app.get('/live', (c) => c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' }));
  return app;
}
