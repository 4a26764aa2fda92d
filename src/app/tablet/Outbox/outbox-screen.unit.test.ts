import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxSummary } from '#outbox/records.ts';
import { OUTBOX_REFRESH_MS, OutboxScreenController, type OutboxScreenIo } from './outbox-screen.svelte.ts';

const rejected = { id: 'a', reference: 'ABC-123', status: 'rejected' } as OutboxSummary;

function fakeIo(overrides: Partial<OutboxScreenIo> = {}) {
  const listeners = new Set<() => void>();
  const defaults = {
    list: vi.fn(async (): Promise<OutboxSummary[]> => [rejected]),
    retry: vi.fn(async () => undefined),
    discard: vi.fn(async () => undefined),
    readRefusal: vi.fn(async (): Promise<'revoked' | 'expired' | undefined> => undefined),
    onChange: vi.fn((listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  };
  const io = { ...defaults, ...overrides } as typeof defaults;
  return { io, listeners };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('OutboxScreenController', () => {
  it('says when the server refuses the tablet, beside the items it keeps', async () => {
    const { io } = fakeIo({ readRefusal: vi.fn(async () => 'revoked' as const) });
    const screen = new OutboxScreenController(() => undefined, io);
    await screen.refresh();
    expect(screen.refused).toBe('revoked');
    expect(screen.items).toEqual([rejected]);
    screen.reset();
    expect(screen.refused).toBeUndefined();
  });

  it('reads the outbox when opened, on every change and on a timer, until closed', async () => {
    vi.useFakeTimers();
    const { io, listeners } = fakeIo();
    const screen = new OutboxScreenController(() => undefined, io);
    const close = screen.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.items).toEqual([rejected]);
    listeners.forEach((listener) => listener());
    await vi.advanceTimersByTimeAsync(OUTBOX_REFRESH_MS);
    expect(io.list).toHaveBeenCalledTimes(3);
    close();
    expect(listeners.size).toBe(0);
    await vi.advanceTimersByTimeAsync(OUTBOX_REFRESH_MS * 2);
    expect(io.list).toHaveBeenCalledTimes(3);
  });

  it('says so when the outbox cannot be read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { io } = fakeIo({ list: vi.fn().mockRejectedValue(new Error('closed')) });
    const screen = new OutboxScreenController(() => undefined, io);
    await screen.refresh();
    expect(screen.failed).toBe(true);
  });

  it('retries an item, says so and asks for a sync', async () => {
    const onsync = vi.fn();
    const { io } = fakeIo();
    const screen = new OutboxScreenController(onsync, io);
    await screen.retry(rejected);
    expect(io.retry).toHaveBeenCalledWith('a');
    expect(screen.notice).toEqual({ key: 'tablet:outbox.retried', reference: 'ABC-123' });
    expect(onsync).toHaveBeenCalledOnce();
    expect(screen.items).toEqual([rejected]);
  });

  it('says a failed retry failed, without a sync', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onsync = vi.fn();
    const { io } = fakeIo({ retry: vi.fn().mockRejectedValue(new Error('InvalidTransitionError')) });
    const screen = new OutboxScreenController(onsync, io);
    await screen.retry(rejected);
    expect(screen.notice).toEqual({ key: 'tablet:outbox.actionFailed' });
    expect(onsync).not.toHaveBeenCalled();
  });

  it('does not discard without a reason', async () => {
    const { io } = fakeIo();
    const screen = new OutboxScreenController(() => undefined, io);
    screen.openDiscard(rejected);
    expect(await screen.confirmDiscard('anna')).toBe(false);
    expect(screen.discard.problems).toHaveLength(1);
    expect(io.discard).not.toHaveBeenCalled();
  });

  it('discards with the reason and who did it, then closes the dialog', async () => {
    const { io } = fakeIo();
    const screen = new OutboxScreenController(() => undefined, io);
    screen.openDiscard(rejected);
    screen.discard.reason = 'Sent twice';
    expect(await screen.confirmDiscard('anna')).toBe(true);
    expect(io.discard).toHaveBeenCalledWith('a', { reason: 'Sent twice', by: 'anna' });
    expect(screen.discard.itemId).toBeUndefined();
    expect(screen.notice).toEqual({ key: 'tablet:outbox.discarded', reference: 'ABC-123' });
  });

  it('keeps the dialog open with a warning when the discard fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { io } = fakeIo({ discard: vi.fn().mockRejectedValue(new Error('storage')) });
    const screen = new OutboxScreenController(() => undefined, io);
    screen.openDiscard(rejected);
    screen.discard.reason = 'Sent twice';
    await screen.confirmDiscard('anna');
    expect(screen.discard.itemId).toBe('a');
    expect(screen.discard.failed).toBe(true);
    expect(screen.discard.busy).toBe(false);
  });

  it('reset() forgets the items, the notice and the dialog', async () => {
    const { io } = fakeIo();
    const screen = new OutboxScreenController(() => undefined, io);
    await screen.retry(rejected);
    screen.openDiscard(rejected);
    screen.reset();
    expect(screen.items).toBeUndefined();
    expect(screen.notice).toBeUndefined();
    expect(screen.discard.itemId).toBeUndefined();
  });
});
