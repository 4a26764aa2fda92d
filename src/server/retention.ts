import type { Log } from './log.ts';
import type { RetentionPeriods } from './retention-rule.ts';
import { AUDIT_MIN_RETENTION_DAYS } from './store/migration-audit-retention.ts';
import type { Store } from './store/store.ts';

export const DEFAULT_RETENTION_DAYS = 365;
/** Open cases are deleted this long after they arrived, however far along: nothing is kept for ever. */
export const DEFAULT_OPEN_CASE_MAX_DAYS = 730;
/** Five years of audit entries by default; never fewer than the database's floor. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 1825;
export { AUDIT_MIN_RETENTION_DAYS };
/** Staff see a case's deletion date this long before it is deleted (retention-dates.ts). */
export const DELETION_WARNING_DAYS = 30;
/** OPEN_CASE_MAX_DAYS is at least this, so that the warning comes well before any deletion. */
export const OPEN_CASE_MIN_DAYS = 60;
const DAY_MS = 86_400_000;
/** Deleted per transaction, so that one run never holds a long lock or writes a huge audit entry. */
const BATCH = 500;

export interface RetentionPolicy extends RetentionPeriods {
  /** Audit entries: days after they were written. */
  auditDays: number;
}

const cutoffOf = (days: number, now: Date) => new Date(now.getTime() - days * DAY_MS).toISOString();

async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/**
 * Deletes every closed (done or rejected) submission received more than `days` ago, with its history,
 * in batches. Each batch is audited (count and ids, nothing personal) in the transaction that
 * deletes it. Answers how many.
 */
export async function deleteExpiredSubmissions(store: Store, days: number, now = new Date()): Promise<number> {
  const cutoff = cutoffOf(days, now);
  return inBatches(async () => (await store.deleteSubmissionsReceivedBefore(cutoff, now.toISOString(), BATCH)).length);
}

/** Open cases older than the stated maximum go too; staff saw the date for DELETION_WARNING_DAYS before. */
export async function deleteExpiredOpenCases(store: Store, days: number, now = new Date()): Promise<number> {
  const cutoff = cutoffOf(days, now);
  return inBatches(async () => (await store.deleteOpenSubmissionsReceivedBefore(cutoff, now.toISOString(), BATCH)).length);
}

/** Audit entries older than `days` (never fewer than the database's floor, which refuses younger ones). */
export async function deleteExpiredAuditEntries(store: Store, days: number, now = new Date()): Promise<number> {
  const cutoff = cutoffOf(Math.max(days, AUDIT_MIN_RETENTION_DAYS), now);
  return inBatches(() => store.deleteAuditEntriesBefore(cutoff, now.toISOString(), BATCH));
}

/**
 * Runs the retention job now and then once a day. Every process runs it; on a shared PostgreSQL
 * they may overlap, which is harmless: each deletes and audits only the rows it removed.
 */
export function startRetentionJob(store: Store, days: number, log: Log, more: Partial<Omit<RetentionPolicy, 'closedDays'>> = {}): { stop(): Promise<void> } {
  const openCaseDays = more.openCaseDays ?? DEFAULT_OPEN_CASE_MAX_DAYS;
  const auditDays = more.auditDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = (async () => {
      const deleted = await deleteExpiredSubmissions(store, days);
      const openDeleted = await deleteExpiredOpenCases(store, openCaseDays);
      const auditDeleted = await deleteExpiredAuditEntries(store, auditDays);
      return { deleted, openDeleted, auditDeleted };
    })().then(
      (counts) => log('info', 'retention_run', { days, openCaseDays, auditDays, ...counts }),
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
