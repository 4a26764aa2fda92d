import { onOutbox } from './events.ts';
import { nextDueAt } from './list.ts';
import { syncOutbox } from './sync.ts';
import type { SyncResult } from './sync-result.ts';
import { BACKGROUND_SYNC_TAG } from './sw-message.ts';

/**
 * When the page syncs (README.md, "When the outbox syncs"): at start, when the browser goes
 * online, when the page becomes visible, after a submit made online, and on a timer while anything is queued,
 * set for the earliest item's next attempt. Offline, it also registers a Background Sync so the
 * service worker sends the queue when the network returns, even with the page closed.
 *
 * The page loads this with import() after the start screen is idle (Dexie is not in the start
 * screen's budget): `(await import('…/outbox/scheduler.ts')).startOutboxSync()`.
 */

export interface OutboxScheduler {
  /** Syncs now, or right after the run in progress. */
  syncNow(): void;
  /** Removes the listeners and the timer. */
  stop(): void;
}

export interface SchedulerOptions {
  sync?: () => Promise<SyncResult>;
  nextDueAt?: () => Promise<number | undefined>;
  now?: () => number;
  /** Where `online` fires; globalThis by default. */
  window?: EventTarget;
  /** Where `visibilitychange` fires. */
  document?: EventTarget & { visibilityState: DocumentVisibilityState };
  /** onLine, and serviceWorker for Background Sync. */
  navigator?: Pick<Navigator, 'onLine'> & { serviceWorker?: { ready: Promise<ServiceWorkerRegistration> } };
}

/** Never sooner than this after a run: a due time in the past must not make a busy loop. */
const MIN_DELAY_MS = 1_000;
/** Look again at least this often, whatever the due times say (a clock change, another tab's items). */
const MAX_DELAY_MS = 5 * 60_000;
/** When another context held the lock, or storage failed: look again after this. */
const RECHECK_MS = 30_000;
/**
 * When another context held the lock but items are queued: look again when the first is due, not
 * sooner than this. The holder may be the service worker, which sets no timer of its own, so
 * waiting RECHECK_MS would leave a retry that is due in 2 s for 30 s.
 */
const SKIPPED_MIN_DELAY_MS = 2_000;

let running: OutboxScheduler | undefined;

/** The page's scheduler; calling it again returns the one already running. */
export function startOutboxSync(): OutboxScheduler {
  running ??= createOutboxScheduler();
  return running;
}

export function createOutboxScheduler(options: SchedulerOptions = {}): OutboxScheduler {
  const sync = options.sync ?? (() => syncOutbox({ report: true }));
  const dueAt = options.nextDueAt ?? nextDueAt;
  const now = options.now ?? Date.now;
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  const doc = options.document ?? (typeof document === 'undefined' ? undefined : document);
  const nav = options.navigator ?? (typeof navigator === 'undefined' ? undefined : navigator);

  let inFlight = false;
  let again = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const syncNow = () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    void runUntilSettled().finally(() => {
      inFlight = false;
    });
  };

  async function runUntilSettled(): Promise<void> {
    clearTimeout(timer);
    let result: SyncResult | undefined;
    do {
      again = false;
      result = await sync().catch((error: unknown) => {
        console.error('outbox.scheduler: sync failed', error);
        return undefined;
      });
    } while (again && !stopped);
    if (stopped) return;
    if (result?.outcome === 'network-error') registerBackgroundSync();
    await scheduleNext(result);
  }

  async function scheduleNext(result: SyncResult | undefined): Promise<void> {
    if (result?.outcome === 'not-enrolled') return;
    let delay = RECHECK_MS;
    let minDelay = MIN_DELAY_MS;
    if (result?.outcome === 'skipped') {
      // Never stop looking while another context holds the lock: it may stop before the queue is empty.
      const due = await dueAt().catch(() => undefined);
      if (due !== undefined) delay = Math.min(RECHECK_MS, due - now());
      minDelay = SKIPPED_MIN_DELAY_MS;
    } else if (result) {
      const due = await dueAt().catch(() => now() + RECHECK_MS);
      if (due === undefined) return;
      delay = due - now();
    }
    if (stopped) return;
    timer = setTimeout(onTimer, Math.min(MAX_DELAY_MS, Math.max(minDelay, delay)));
  }

  /**
   * A retry that falls due while the browser has no network at all waits for it: the round could
   * only claim the due items, fail to connect and put them back, over and over while a citizen
   * submits. The 'online' event syncs at once; this looks again meanwhile.
   */
  function onTimer(): void {
    if (nav && !nav.onLine) {
      timer = setTimeout(onTimer, RECHECK_MS);
      return;
    }
    syncNow();
  }

  function registerBackgroundSync(): void {
    const ready = nav?.serviceWorker?.ready;
    if (!ready) return;
    ready
      .then((registration) => (registration as RegistrationWithSync).sync?.register(BACKGROUND_SYNC_TAG))
      .catch((error: unknown) => console.warn('outbox.scheduler: could not register Background Sync', error));
  }

  const onVisible = () => {
    if (doc?.visibilityState === 'visible') syncNow();
  };
  const onQueued = () => {
    // Offline for certain (no network at all): a round now could only claim the new item, fail to
    // connect and put it back, taking the disk from the next submit. Background Sync and the
    // 'online' event send it once there is a network; the timer keeps looking meanwhile.
    if (nav && !nav.onLine) return registerBackgroundSync();
    syncNow();
  };
  win?.addEventListener('online', syncNow);
  doc?.addEventListener('visibilitychange', onVisible);
  const offQueued = onOutbox('queued', onQueued);
  const offEnrolled = onOutbox('enrolled', syncNow);
  syncNow();

  return {
    syncNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
      win?.removeEventListener('online', syncNow);
      doc?.removeEventListener('visibilitychange', onVisible);
      offQueued();
      offEnrolled();
      if (running === this) running = undefined;
    },
  };
}

/** Background Sync is not in TypeScript's DOM library (it is Chromium-only). */
type RegistrationWithSync = Omit<ServiceWorkerRegistration, 'sync'> & {
  // Optional: the WebWorker library types it as always there, but only Chromium has it.
  sync?: { register(tag: string): Promise<void> };
};
