import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Failed-attempt counters for login and enrolment, kept in the database so that every process on
 * one PostgreSQL sees the same counts and a restart forgets nothing. One row per key
 * (`user:anne`, `ip:10.0.0.7`, `enrol:*`): how many attempts failed in a row and when the next
 * attempt may start. Times are ISO text like every other table.
 */
export interface AttemptThrottleTable {
  key: string;
  failures: number;
  next_allowed_at: string;
  updated_at: string;
}

export const attemptThrottleMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('attempt_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('next_allowed_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attempt_throttle_updated_at').on('attempt_throttle').column('updated_at').execute();
  },
};

/** How long the caller must wait before its next attempt on `key`, once `failures` attempts have failed in a row (0: at once). */
export type DelayPolicy = (key: string, failures: number) => number;

/** Clocks of processes sharing PostgreSQL, and attempts racing in one process, differ by less than this. */
const CLOCK_TOLERANCE_MS = 5 * 60_000;

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

/** Any database with the table: the store passes its own (the cast lives there). */
export type ThrottleDb = Kysely<{ attempt_throttle: AttemptThrottleTable }>;
type Db = ThrottleDb;

/**
 * Counts an attempt on every key BEFORE the caller does the expensive or secret part (a password
 * hash, a code look-up): the attempt is booked as a failure up front and refunded on success. If
 * any key is still waiting, nothing is booked and the caller answers 429. The rows are locked in key
 * order (FOR UPDATE on PostgreSQL; SQLite runs one transaction at a time), so concurrent attempts
 * are judged one after another and never deadlock: 40 parallel guesses get exactly as many tries as
 * one guesser sending them in turn.
 */
export async function reserveAttempt(db: Db, postgres: boolean, keys: readonly string[], now: Date, delay: DelayPolicy, forgetMs: number): Promise<Reservation> {
  const sorted = [...new Set(keys)].sort();
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - forgetMs).toISOString();
  return db.transaction().execute(async (trx) => {
    for (const key of sorted) {
      await trx.insertInto('attempt_throttle').values({ key, failures: 0, next_allowed_at: at, updated_at: at }).onConflict((oc) => oc.doNothing()).execute();
    }
    let query = trx.selectFrom('attempt_throttle').selectAll().where('key', 'in', sorted).orderBy('key');
    if (postgres) query = query.forUpdate();
    const rows = await query.execute();
    // A key left alone for forgetMs starts afresh: an old burst of typos does not slow today's login.
    // So does one touched far "in the future": the clock was set back, and nobody should wait for
    // that. Only far: a concurrent attempt (or another host's clock) is routinely a little ahead.
    const clockSetBack = new Date(now.getTime() + CLOCK_TOLERANCE_MS).toISOString();
    const current = rows.map((r) => (r.updated_at < forgetBefore || r.updated_at > clockSetBack ? { ...r, failures: 0, next_allowed_at: at } : r));
    // Measured from the later of our clock and the row's last update: an attempt that read the clock
    // a moment before a concurrent one updated the row must not wait for a delay of 0.
    const waitMs = Math.max(0, ...current.map((r) => Date.parse(r.next_allowed_at) - Math.max(now.getTime(), Date.parse(r.updated_at))));
    if (waitMs > 0) return { ok: false as const, retryAfterMs: waitMs };
    for (const r of current) {
      const failures = r.failures + 1;
      const next = new Date(now.getTime() + delay(r.key, failures)).toISOString();
      await trx.updateTable('attempt_throttle').set({ failures, next_allowed_at: next, updated_at: at }).where('key', '=', r.key).execute();
    }
    return { ok: true as const };
  });
}

/**
 * Gives back a reserved attempt that succeeded: keys in `clear` start afresh (the account's owner
 * logged in), keys in `refund` lose the one failure booked for it (a shared address where someone
 * else mistyped keeps their count).
 */
export async function refundAttempt(db: Db, clear: readonly string[], refund: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const key of [...clear, ...refund].sort()) {
      if (clear.includes(key)) await trx.deleteFrom('attempt_throttle').where('key', '=', key).execute();
      else await trx.updateTable('attempt_throttle').set({ failures: sql`CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END` }).where('key', '=', key).execute();
    }
  });
}

/** Forgets counters nobody has touched for forgetMs, so that a flood of distinct usernames cannot grow the table for ever. */
export async function sweepAttempts(db: Db, now: Date, forgetMs: number): Promise<void> {
  await db.deleteFrom('attempt_throttle').where('updated_at', '<', new Date(now.getTime() - forgetMs).toISOString()).execute();
}

export interface AttemptStore {
  /**
   * Books one attempt on every key before the caller checks a password or code; refused, with how
   * long to wait, while any key is still waiting from earlier failures.
   */
  reserveAttempt(keys: readonly string[], now: Date, delay: DelayPolicy, forgetMs: number): Promise<Reservation>;
  /** Undoes a reservation that succeeded: `clear` keys start afresh, `refund` keys lose one failure. */
  refundAttempt(clear: readonly string[], refund: readonly string[]): Promise<void>;
}

/** The counters over the store's database; old ones are swept at most once a minute per process. */
export function attemptStore(db: ThrottleDb, postgres: boolean): AttemptStore {
  let lastSweep = 0;
  return {
    async reserveAttempt(keys, now, delay, forgetMs) {
      // Cheap, and the table stays small.
      if (now.getTime() - lastSweep > 60_000) {
        lastSweep = now.getTime();
        await sweepAttempts(db, now, forgetMs);
      }
      return reserveAttempt(db, postgres, keys, now, delay, forgetMs);
    },
    refundAttempt: (clear, refund) => refundAttempt(db, clear, refund),
  };
}
