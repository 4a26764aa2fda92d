/**
 * Exclusive, non-waiting locks: one uploader at a time across tabs and the service worker
 * (two uploaders would send the same item twice). A caller that finds the lock taken skips its run
 * rather than queueing behind it: the holder is already uploading everything that is due.
 */

export const SYNC_LOCK_NAME = 'outbox-sync';

/** Runs `task` if the lock is free and resolves to its result, or resolves to `skipped` at once. */
export type ExclusiveLock = <T>(task: () => Promise<T>) => Promise<{ ran: true; value: T } | { ran: false }>;

/** Web Locks where the context has them (every page and worker of one origin shares them), else an in-memory lock. */
export function syncLock(name: string = SYNC_LOCK_NAME): ExclusiveLock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) return webLock(locks, name);
  let lock = memoryLocks.get(name);
  if (!lock) memoryLocks.set(name, (lock = memoryLock()));
  return lock;
}

const memoryLocks = new Map<string, ExclusiveLock>();

export function webLock(locks: LockManager, name: string): ExclusiveLock {
  // `await`, because lib.dom types request() as resolving to the callback's promise itself.
  return async <T>(task: () => Promise<T>) =>
    await locks.request(name, { ifAvailable: true }, async (lock): Promise<{ ran: true; value: T } | { ran: false }> => {
      if (!lock) return { ran: false };
      return { ran: true, value: await task() };
    });
}

/**
 * A lock within one JavaScript realm: for tests, and for contexts without Web Locks, where it
 * still keeps one tab from running two uploads at once.
 */
export function memoryLock(): ExclusiveLock {
  let held = false;
  return async (task) => {
    if (held) return { ran: false };
    held = true;
    try {
      return { ran: true, value: await task() };
    } finally {
      held = false;
    }
  };
}
