import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_LOCK_MS, AutoLockTimer } from './auto-lock.ts';

describe('AutoLockTimer', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('locks after the default period of inactivity, not before', () => {
    const onLock = vi.fn();
    const timer = new AutoLockTimer(onLock);
    timer.reset();
    vi.advanceTimersByTime(AUTO_LOCK_MS - 1);
    expect(onLock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onLock).toHaveBeenCalledOnce();
    expect(timer.running).toBe(false);
  });

  it('starts the period again on activity', () => {
    const onLock = vi.fn();
    const timer = new AutoLockTimer(onLock, { timeoutMs: 1000 });
    timer.reset();
    vi.advanceTimersByTime(900);
    timer.reset();
    vi.advanceTimersByTime(900);
    expect(onLock).not.toHaveBeenCalled();
    expect(timer.remainingMs()).toBe(100);
    vi.advanceTimersByTime(100);
    expect(onLock).toHaveBeenCalledOnce();
  });

  it('never locks once stopped', () => {
    const onLock = vi.fn();
    const timer = new AutoLockTimer(onLock, { timeoutMs: 1000 });
    timer.reset();
    timer.stop();
    vi.advanceTimersByTime(5000);
    timer.check();
    expect(onLock).not.toHaveBeenCalled();
    expect(timer.remainingMs()).toBeUndefined();
  });

  it('locks on check() when the clock passed the deadline while timers did not run (a sleeping tablet)', () => {
    let clock = 0;
    const onLock = vi.fn();
    const timer = new AutoLockTimer(onLock, { timeoutMs: 1000, now: () => clock });
    timer.reset();
    clock = 10_000; // the timer has not fired: the device slept
    timer.check();
    expect(onLock).toHaveBeenCalledOnce();
  });

  it('does not lock on a timer that fires early by the clock', () => {
    let clock = 0;
    const onLock = vi.fn();
    const timer = new AutoLockTimer(onLock, { timeoutMs: 1000, now: () => clock });
    timer.reset();
    clock = 500;
    vi.advanceTimersByTime(1000); // fires, but the clock says only half the time passed
    expect(onLock).not.toHaveBeenCalled();
    clock = 1000;
    vi.advanceTimersByTime(500);
    expect(onLock).toHaveBeenCalledOnce();
  });
});
