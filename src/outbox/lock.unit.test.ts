import { describe, expect, it } from 'vitest';
import { memoryLock, syncLock, webLock } from './lock.ts';

/** Web Locks as the browser does them, for one name: ifAvailable grants null when held. */
function fakeLockManager() {
  const held = new Set<string>();
  const requests: { name: string; options: LockOptions }[] = [];
  const manager = {
    async request(name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>) {
      requests.push({ name, options });
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name, mode: 'exclusive' });
      } finally {
        held.delete(name);
      }
    },
  };
  return { manager: manager as unknown as LockManager, requests };
}

describe('locks', () => {
  it.each([
    ['web lock', () => webLock(fakeLockManager().manager, 'outbox-sync')],
    ['memory lock', () => memoryLock()],
  ])('%s: runs one task at a time and skips the others', async (_name, make) => {
    const lock = make();
    let release: () => void = () => {};
    const first = lock(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    expect(await lock(async () => 'second')).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await lock(async () => 'third')).toEqual({ ran: true, value: 'third' });
  });

  it('asks Web Locks without waiting (ifAvailable)', async () => {
    const { manager, requests } = fakeLockManager();
    await webLock(manager, 'outbox-sync')(async () => undefined);
    expect(requests).toEqual([{ name: 'outbox-sync', options: { ifAvailable: true } }]);
  });

  it('releases the lock when the task fails', async () => {
    const lock = memoryLock();
    await expect(lock(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock(async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it('shares one in-memory lock per name where Web Locks are missing', () => {
    expect(syncLock()).toBe(syncLock());
  });
});
