// Static, not import(): the service worker runs this as a classic script, where Vite's preload
// helper for import() (it reads import.meta) would stop the worker from starting.
import { buildDeviceReport, sendDeviceReport } from './device-report.ts';
import { withStorage } from './db.ts';
import { readDevice } from './device.ts';
import { emitOutbox } from './events.ts';
import { syncLock, type ExclusiveLock } from './lock.ts';
import { DEVICE_KEY, type DeviceRecord } from './records.ts';
import { noCounts, type SyncOutcome, type SyncResult } from './sync-result.ts';
import { SyncRun, type RunOptions } from './sync-run.ts';
import { renewTokenIfDue } from './token-renewal.ts';

/**
 * The sync engine's public face: uploads what is due, in batches of up to MAX_BATCH, and applies
 * the server's answer per item (the contract in src/contract/v1.ts; the batch rules in
 * batch-reply.ts, the queue work in sync-run.ts). Runs under one lock across tabs and the service
 * worker; a caller that finds it taken returns at once with outcome 'skipped'.
 */

export interface SyncOptions extends RunOptions {
  lock?: ExclusiveLock;
  /** After the run, send the device report (device-report.ts); the page's and the worker's syncs do. */
  report?: boolean;
}

/** Uploads everything that is due, unless another tab or the service worker is doing so already. */
export async function syncOutbox(options: SyncOptions = {}): Promise<SyncResult> {
  const lock = options.lock ?? syncLock();
  const held = await lock(() => runLocked(options));
  const result = held.ran ? held.value : { ...noCounts(), outcome: 'skipped' as const };
  if (held.ran) await recordRun(result, options.now?.() ?? Date.now());
  if (held.ran && options.report) await reportRun(result.outcome, options);
  emitOutbox('synced', result);
  return result;
}

async function runLocked(options: SyncOptions): Promise<SyncResult> {
  const held = await readDevice();
  if (!held) return { ...noCounts(), outcome: 'not-enrolled' };
  // Under the lock: two tabs and the service worker never rotate the token at once.
  const renewal = await renewTokenIfDue(held, options);
  if ('refusal' in renewal) return { ...noCounts(), outcome: 'unauthorized', refusal: renewal.refusal };
  const run = new SyncRun(renewal.device, options);
  await run.recoverInterrupted();
  try {
    return await run.deliverAll();
  } finally {
    // Only after an unexpected failure (a storage error, a bug) are items still claimed here. If
    // putting them back fails too, the next run's recovery does it; the first error is the one to report.
    await run.releaseClaimed().catch(() => undefined);
  }
}

/** Every run that reached the server's side of the device (even with nothing queued) tells the server how the device is. */
async function reportRun(outcome: SyncOutcome, options: SyncOptions): Promise<void> {
  if (outcome === 'not-enrolled' || outcome === 'unauthorized') return;
  try {
    const device = await readDevice();
    if (device) await sendDeviceReport(device, await buildDeviceReport(outcome, options.now?.() ?? Date.now()), options.fetch);
  } catch (error) {
    console.warn('outbox.sync: no device report', error);
  }
}

/**
 * Notes the run on the device record for readSyncStatus(). In one transaction with a fresh read,
 * so that an enrolment that happened meanwhile is never overwritten. A failure here must not turn
 * a delivered batch into an error: the outbox itself is already committed.
 */
async function recordRun(result: SyncResult, now: number): Promise<void> {
  if (result.outcome === 'skipped' || result.outcome === 'not-enrolled') return;
  const at = new Date(now).toISOString();
  const reached = result.stored + result.duplicate + result.rejected > 0;
  await withStorage('outbox.sync-status', (db) =>
    db.transaction('rw', db.device, async () => {
      const device = await db.device.get(DEVICE_KEY);
      if (!device) return;
      const sync = { ...device.sync, lastRunAt: at, lastOutcome: result.outcome as NonNullable<DeviceRecord['sync']>['lastOutcome'] };
      if (result.outcome === 'done' && reached) sync.lastSyncAt = at;
      if (result.outcome === 'unauthorized') sync.refused = result.refusal ?? 'revoked';
      else if (result.outcome === 'done') delete sync.refused;
      await db.device.put({ ...device, sync }, DEVICE_KEY);
    }),
  ).catch((error: unknown) => console.warn('outbox.sync: could not note the run', error));
}
