import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emitOutbox } from './events.ts';
import { createOutboxScheduler, type OutboxScheduler, type SchedulerOptions } from './scheduler.ts';
import type { SyncOutcome, SyncResult } from './sync-result.ts';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');
const result = (outcome: SyncOutcome): SyncResult => ({ outcome, sent: 0, stored: 0, duplicate: 0, rejected: 0, retried: 0 });

let scheduler: OutboxScheduler | undefined;
let win: EventTarget;
let doc: EventTarget & { visibilityState: DocumentVisibilityState };
let nav: { onLine: boolean; serviceWorker: { ready: Promise<ServiceWorkerRegistration> } };
let registered: string[];

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  win = new EventTarget();
  doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  registered = [];
  const registration = { sync: { register: async (tag: string) => void registered.push(tag) } } as unknown as ServiceWorkerRegistration;
  nav = { onLine: true, serviceWorker: { ready: Promise.resolve(registration) } };
});
afterEach(() => {
  scheduler?.stop();
  vi.useRealTimers();
});

function start(outcomes: SyncOutcome[] = [], due: () => number | undefined = () => undefined, options: SchedulerOptions = {}) {
  const sync = vi.fn(async () => result(outcomes.shift() ?? 'done'));
  scheduler = createOutboxScheduler({ sync, nextDueAt: async () => due(), window: win, document: doc, navigator: nav, ...options });
  return sync;
}

describe('the outbox scheduler', () => {
  it('syncs on start', async () => {
    const sync = start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('syncs when the browser comes online and when the page becomes visible', async () => {
    const sync = start();
    await vi.advanceTimersByTimeAsync(0);
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(3);
  });

  it('syncs after a submit', async () => {
    const sync = start();
    await vi.advanceTimersByTimeAsync(0);
    emitOutbox('queued', { id: 'x' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('sets a timer for the earliest queued item, and none when nothing is queued', async () => {
    let due: number | undefined = T0 + 45_000;
    const sync = start([], () => due);
    await vi.advanceTimersByTimeAsync(44_000);
    expect(sync).toHaveBeenCalledTimes(1);
    due = undefined;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sync).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('waits at least a second, however overdue, and looks again within five minutes however far off', async () => {
    let due = T0 - 10_000;
    const sync = start([], () => due);
    await vi.advanceTimersByTimeAsync(999);
    expect(sync).toHaveBeenCalledTimes(1);
    due = Date.now() + 3 * 3600_000;
    await vi.advanceTimersByTimeAsync(1);
    expect(sync).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(sync).toHaveBeenCalledTimes(3);
  });

  it('looks again in 30 seconds when another tab or the service worker held the lock', async () => {
    const sync = start(['skipped']);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(sync).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('looks again when the first queued item is due, not in 30 seconds, when the lock holder (the service worker) sets no timer', async () => {
    const sync = start(['skipped', 'skipped'], () => T0 + 5_000);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sync).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sync).toHaveBeenCalledTimes(2);
    // Due already (the holder left it queued): not a busy loop, every 2 seconds at most.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sync).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sync).toHaveBeenCalledTimes(3);
  });

  it('runs once more after a run that was asked for again while it ran, not once per ask', async () => {
    let finish: () => void = () => {};
    const sync = vi.fn(() => new Promise<SyncResult>((resolve) => (finish = () => resolve(result('done')))));
    scheduler = createOutboxScheduler({ sync, nextDueAt: async () => undefined, window: win, document: doc, navigator: nav });
    scheduler.syncNow();
    scheduler.syncNow();
    win.dispatchEvent(new Event('online'));
    expect(sync).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('registers a Background Sync when something is queued offline', async () => {
    start();
    await vi.advanceTimersByTimeAsync(0);
    emitOutbox('queued', { id: 'online' });
    await vi.advanceTimersByTimeAsync(0);
    expect(registered).toEqual([]);
    nav.onLine = false;
    emitOutbox('queued', { id: 'offline' });
    await vi.advanceTimersByTimeAsync(0);
    expect(registered).toEqual(['outbox-sync']);
  });

  it('does not start a round for a submit made offline, and sends it when the network returns', async () => {
    const sync = start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1);
    nav.onLine = false;
    emitOutbox('queued', { id: 'offline' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1);
    nav.onLine = true;
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);
    emitOutbox('queued', { id: 'online' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(3);
  });

  it('lets a retry that falls due offline wait for the network, then syncs', async () => {
    const sync = start(['network-error', 'network-error'], () => T0 + 1_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1);
    nav.onLine = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sync).toHaveBeenCalledTimes(1);
    nav.onLine = true;
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('looks again while offline, so a network that returns without an online event is used', async () => {
    const sync = start(['network-error'], () => T0 + 1_000);
    await vi.advanceTimersByTimeAsync(0);
    nav.onLine = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sync).toHaveBeenCalledTimes(1);
    nav.onLine = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('registers a Background Sync when a round fails for the network', async () => {
    start(['network-error']);
    await vi.advanceTimersByTimeAsync(0);
    expect(registered).toEqual(['outbox-sync']);
  });

  it('keeps going after a sync that threw', async () => {
    const sync = vi.fn().mockRejectedValueOnce(new Error('storage')).mockResolvedValue(result('done'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    scheduler = createOutboxScheduler({ sync, nextDueAt: async () => undefined, window: win, document: doc, navigator: nav });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('stops listening when stopped', async () => {
    const sync = start([], () => T0 + 10_000);
    await vi.advanceTimersByTimeAsync(0);
    scheduler?.stop();
    win.dispatchEvent(new Event('online'));
    emitOutbox('queued', { id: 'x' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});
