import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from './idle.svelte.ts';

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settings = () => ({ idleSeconds: 90, warningSeconds: 30 });

  it('warns after the idle period and counts down the warning', () => {
    const timer = new IdleTimer(settings, vi.fn());
    timer.arm();
    vi.advanceTimersByTime(89_999);
    expect(timer.warning).toBe(false);
    vi.advanceTimersByTime(1);
    expect(timer.warning).toBe(true);
    expect(timer.secondsLeft).toBe(30);
    vi.advanceTimersByTime(10_000);
    expect(timer.secondsLeft).toBe(20);
  });

  it('times out only when the whole warning has passed', () => {
    const onTimeout = vi.fn();
    const timer = new IdleTimer(settings, onTimeout);
    timer.arm();
    vi.advanceTimersByTime(90_000 + 29_000);
    expect(onTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onTimeout).toHaveBeenCalledOnce();
    expect(timer.warning).toBe(false);
  });

  it('a sentence heard read aloud restarts the idle period, so a citizen listening is not reset', () => {
    const onTimeout = vi.fn();
    const timer = new IdleTimer(settings, onTimeout);
    timer.arm();
    vi.advanceTimersByTime(80_000);
    timer.heard();
    vi.advanceTimersByTime(80_000);
    expect(timer.warning).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(timer.warning).toBe(true);
  });

  it("the warning's own spoken words do not keep it from running out", () => {
    const onTimeout = vi.fn();
    const timer = new IdleTimer(settings, onTimeout);
    timer.arm();
    vi.advanceTimersByTime(90_000);
    expect(timer.warning).toBe(true);
    for (let i = 0; i < 30; i++) {
      timer.heard();
      vi.advanceTimersByTime(1_000);
    }
    expect(onTimeout).toHaveBeenCalledOnce();
  });

  it('any activity during the warning continues the session and restarts the idle period', () => {
    const onTimeout = vi.fn();
    const timer = new IdleTimer(settings, onTimeout);
    timer.arm();
    vi.advanceTimersByTime(100_000);
    timer.activity();
    expect(timer.warning).toBe(false);
    vi.advanceTimersByTime(89_000);
    expect(timer.warning).toBe(false);
    vi.advanceTimersByTime(200_000);
    expect(onTimeout).toHaveBeenCalledOnce();
  });

  it('does nothing while disarmed', () => {
    const onTimeout = vi.fn();
    const timer = new IdleTimer(settings, onTimeout);
    timer.activity();
    vi.advanceTimersByTime(1_000_000);
    expect(timer.warning).toBe(false);
    expect(onTimeout).not.toHaveBeenCalled();
  });
});
