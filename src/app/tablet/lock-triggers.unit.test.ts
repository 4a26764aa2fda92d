import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_LOCK_MS } from '#vault/auto-lock.ts';
import { HIDDEN_GRACE_MS, watchForLock } from './lock-triggers.ts';

/** A document that can be hidden and shown, for the visibility trigger. */
class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
  set(state: 'visible' | 'hidden') {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

let doc: FakeDocument;
beforeEach(() => {
  vi.useFakeTimers();
  doc = new FakeDocument();
  vi.stubGlobal('document', doc);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('watchForLock', () => {
  it('locks after the inactivity period, and every touch starts it again', () => {
    const reasons: string[] = [];
    const watch = watchForLock((r) => reasons.push(r));
    vi.advanceTimersByTime(AUTO_LOCK_MS - 1000);
    watch.activity();
    vi.advanceTimersByTime(AUTO_LOCK_MS - 1000);
    expect(reasons).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(reasons).toEqual(['idle']);
    watch.stop();
  });

  it('locks when put away for longer than the grace, not for a glance', () => {
    const reasons: string[] = [];
    const watch = watchForLock((r) => reasons.push(r));
    doc.set('hidden');
    vi.advanceTimersByTime(HIDDEN_GRACE_MS - 1000);
    doc.set('visible');
    vi.advanceTimersByTime(HIDDEN_GRACE_MS);
    expect(reasons).toEqual([]);
    doc.set('hidden');
    vi.advanceTimersByTime(HIDDEN_GRACE_MS);
    expect(reasons).toEqual(['hidden']);
    watch.stop();
  });

  it('does nothing once stopped', () => {
    const reasons: string[] = [];
    watchForLock((r) => reasons.push(r)).stop();
    doc.set('hidden');
    vi.advanceTimersByTime(AUTO_LOCK_MS * 2);
    expect(reasons).toEqual([]);
  });
});
