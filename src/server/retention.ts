import type { Log } from './log.ts';
import type { Store } from './store/store.ts';

export const DEFAULT_RETENTION_DAYS = 365;
const DAY_MS = 86_400_000;
/** Deleted per transaction, so that one run never holds a long lock or writes a huge audit entry. */
const BATCH = 500;

/**
 * Deletes every closed (done or rejected) submission received more than `days` ago, with its history,
 * in batches; open cases stay until they are closed. Each batch
 * is audited (count and ids, nothing personal) in the transaction that deletes it. Answers how many.
 */
export async function deleteExpiredSubmissions(store: Store, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  let total = 0;
  for (;;) {
    const ids = await store.deleteSubmissionsReceivedBefore(cutoff, now.toISOString(), BATCH);
    total += ids.length;
    if (ids.length < BATCH) return total;
  }
}

/**
 * Runs the retention job now and then once a day. Every process runs it; on a shared PostgreSQL
 * they may overlap, which is harmless: each deletes and audits only the rows it removed.
 */
export function startRetentionJob(store: Store, days: number, log: Log): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = deleteExpiredSubmissions(store, days).then(
      (deleted) => log('info', 'retention_run', { days, deleted }),
      (err: Error) => log('error', 'retention_failed', { days, message: err.message }),
    );
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
