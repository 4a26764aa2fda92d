import { AutoLockTimer } from '#vault/auto-lock.ts';
import type { LockReason } from './tablet-ui.svelte.ts';

/**
 * How long the tablet may be put away (screen off, another app) before it locks: long enough for
 * a glance at a phone, short enough that a tablet left in a car is locked. A product choice, like
 * AUTO_LOCK_MS (src/vault/auto-lock.ts).
 */
export const HIDDEN_GRACE_MS = 30_000;

/**
 * Locks the open tablet after inactivity (the vault's deadline timer) and when the page has been
 * hidden for longer than HIDDEN_GRACE_MS. Both are deadlines, so a tablet that slept locks as soon
 * as it wakes. Returns activity() for every touch and stop().
 */
export function watchForLock(onlock: (reason: Exclude<LockReason, 'manual'>) => void): { activity(): void; stop(): void } {
  const idle = new AutoLockTimer(() => onlock('idle'));
  const hidden = new AutoLockTimer(() => onlock('hidden'), { timeoutMs: HIDDEN_GRACE_MS });
  const visibility = () => {
    if (document.visibilityState === 'hidden') return hidden.reset();
    // Back in view: lock if it was away too long (or idle too long while away), else carry on.
    hidden.check();
    hidden.stop();
    idle.check();
  };
  document.addEventListener('visibilitychange', visibility);
  idle.reset();
  return {
    activity: () => idle.reset(),
    stop: () => {
      document.removeEventListener('visibilitychange', visibility);
      idle.stop();
      hidden.stop();
    },
  };
}
