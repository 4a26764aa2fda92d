import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceRecord, OutboxStatus, OutboxSummary } from '#outbox/records.ts';
import type { SyncResult } from '#outbox/sync-result.ts';
import { REFRESH_COALESCE_MS, REFRESH_MAX_WAIT_MS, SetupScreenController, type OutboxChange, type SetupScreenIo } from './setup-screen.svelte.ts';

const origin = 'https://kiosk.kommune.example';
const device = { deviceId: 'd', name: 'Stander 1', kind: 'tablet', serverUrl: 'https://sync.example', enrolledAt: '2025-01-01T00:00:00Z' } as DeviceRecord;
const counts: Record<OutboxStatus, number> = { queued: 2, sending: 0, stored: 5, rejected: 1, discarded: 0 };
const done: SyncResult = { outcome: 'done', sent: 2, stored: 2, duplicate: 0, rejected: 0, retried: 0 };

function fakeIo(overrides: Partial<SetupScreenIo> = {}) {
  const listeners = new Set<(what: OutboxChange) => void>();
  const defaults = {
    readDevice: vi.fn(async (): Promise<DeviceRecord | undefined> => device),
    outboxCounts: vi.fn(async () => counts),
    listQueued: vi.fn(async (): Promise<OutboxSummary[]> => []),
    sync: vi.fn(async () => done),
    onChange: vi.fn((listener: (what: OutboxChange) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    enrol: vi.fn(async () => device),
  };
  const io = { ...defaults, ...overrides } as typeof defaults;
  return { io, change: (what: OutboxChange = 'synced') => listeners.forEach((listener) => listener(what)), listeners };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('SetupScreenController', () => {
  it('reads the device and the counts when opened, and fills the form from the device', async () => {
    const { io } = fakeIo();
    const screen = new SetupScreenController(origin, io);
    screen.open();
    await settle();
    expect(screen.device).toBe(device);
    expect(screen.counts).toEqual(counts);
    expect(screen.form.server).toBe('https://sync.example');
    expect(screen.form.name).toBe('Stander 1');
    expect(screen.form.kind).toBe('tablet');
  });

  it('leaves the form as staff typed it when they began before the device was read', async () => {
    const { io } = fakeIo();
    const screen = new SetupScreenController(origin, io);
    screen.open();
    screen.form.name = 'Typed';
    screen.edited();
    await settle();
    expect(screen.form.name).toBe('Typed');
  });

  it('warns when queued items wait for a new enrolment (the token was revoked)', async () => {
    const revoked = { id: 'a', lastError: { code: 'unauthorized', message: 'x' } } as OutboxSummary;
    const { io } = fakeIo({ listQueued: vi.fn(async () => [revoked]) });
    const screen = new SetupScreenController(origin, io);
    await screen.refresh();
    expect(screen.unauthorized).toBe(true);
  });

  it('says whether the server refused the device as revoked or expired, from the device record', async () => {
    const expired = { ...device, sync: { lastOutcome: 'unauthorized', refused: 'expired' } } as DeviceRecord;
    const { io } = fakeIo({ readDevice: vi.fn(async () => expired) });
    const screen = new SetupScreenController(origin, io);
    await screen.refresh();
    expect(screen.refused).toBe('expired');
    io.readDevice.mockResolvedValue(device);
    await screen.refresh();
    expect(screen.refused).toBeUndefined();
  });

  it('says the read failed, and clears that when a later read works', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const readDevice = vi.fn().mockRejectedValueOnce(new Error('closed')).mockResolvedValue(device);
    const { io } = fakeIo({ readDevice });
    const screen = new SetupScreenController(origin, io);
    await screen.refresh();
    expect(screen.loadFailed).toBe(true);
    await screen.refresh();
    expect(screen.loadFailed).toBe(false);
  });

  it('reads again once for a burst of outbox changes, and stops following when closed', async () => {
    vi.useFakeTimers();
    const { io, change, listeners } = fakeIo();
    const screen = new SetupScreenController(origin, io);
    const close = screen.open();
    await vi.runAllTimersAsync();
    io.readDevice.mockClear();
    change();
    change();
    change();
    await vi.advanceTimersByTimeAsync(REFRESH_COALESCE_MS);
    expect(io.readDevice).toHaveBeenCalledTimes(1);
    close();
    expect(listeners.size).toBe(0);
  });

  it('waits for the outbox to be quiet before reading, but reads at least every REFRESH_MAX_WAIT_MS during a long burst', async () => {
    vi.useFakeTimers();
    const { io, change } = fakeIo();
    const screen = new SetupScreenController(origin, io);
    screen.open();
    await vi.runAllTimersAsync();
    io.outboxCounts.mockClear();
    // A change every 100 ms: never quiet for REFRESH_COALESCE_MS.
    for (let elapsed = 0; elapsed < REFRESH_MAX_WAIT_MS - 100; elapsed += 100) {
      change('queued');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(io.outboxCounts).not.toHaveBeenCalled();
    change('queued');
    await vi.advanceTimersByTimeAsync(100);
    expect(io.outboxCounts).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(REFRESH_COALESCE_MS);
    expect(io.outboxCounts).toHaveBeenCalledTimes(1);
  });

  it('reads only the counts again after items were queued, everything after a sync round', async () => {
    vi.useFakeTimers();
    const { io, change } = fakeIo();
    const screen = new SetupScreenController(origin, io);
    screen.open();
    await vi.runAllTimersAsync();
    io.readDevice.mockClear();
    io.listQueued.mockClear();
    io.outboxCounts.mockClear();
    io.outboxCounts.mockResolvedValue({ ...counts, queued: 3 });
    change('queued');
    change('queued');
    await vi.advanceTimersByTimeAsync(REFRESH_COALESCE_MS);
    expect(io.outboxCounts).toHaveBeenCalledTimes(1);
    expect(screen.counts?.queued).toBe(3);
    expect(io.listQueued).not.toHaveBeenCalled();
    expect(io.readDevice).not.toHaveBeenCalled();
    change('queued');
    change('synced');
    await vi.advanceTimersByTimeAsync(REFRESH_COALESCE_MS);
    expect(io.listQueued).toHaveBeenCalledTimes(1);
    expect(io.readDevice).toHaveBeenCalledTimes(1);
    expect(io.outboxCounts).toHaveBeenCalledTimes(2);
  });

  it('enrols, shows the new device and forgets the last sync result', async () => {
    const { io } = fakeIo({ readDevice: vi.fn(async () => undefined) });
    const screen = new SetupScreenController(origin, io);
    screen.lastSync = done;
    screen.form.code = '123456';
    screen.form.name = 'Stander 1';
    io.readDevice.mockResolvedValue(device);
    expect(await screen.enrol()).toBe(true);
    expect(io.enrol).toHaveBeenCalled();
    expect(screen.enrolledNow).toBe(true);
    expect(screen.device).toBe(device);
    expect(screen.lastSync).toBeUndefined();
  });

  it('does not enrol an incomplete form', async () => {
    const { io } = fakeIo();
    const screen = new SetupScreenController(origin, io);
    expect(await screen.enrol()).toBe(false);
    expect(io.enrol).not.toHaveBeenCalled();
    expect(screen.enrolledNow).toBe(false);
    expect(screen.form.errors.length).toBeGreaterThan(0);
  });

  it('syncs now, keeps the result and reads the counts again', async () => {
    const { io } = fakeIo();
    const screen = new SetupScreenController(origin, io);
    const running = screen.syncNow();
    expect(screen.syncing).toBe(true);
    await running;
    expect(screen.syncing).toBe(false);
    expect(screen.lastSync).toBe(done);
    expect(io.outboxCounts).toHaveBeenCalled();
  });

  it('says so when the sync itself fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { io } = fakeIo({ sync: vi.fn().mockRejectedValue(new Error('storage')), readDevice: vi.fn().mockRejectedValue(new Error('storage')) });
    const screen = new SetupScreenController(origin, io);
    screen.lastSync = done;
    await screen.syncNow();
    expect(screen.lastSync).toBeUndefined();
    expect(screen.loadFailed).toBe(true);
  });

  it('reset() forgets the device, the counts and the form', async () => {
    const { io } = fakeIo();
    const screen = new SetupScreenController(origin, io);
    await screen.syncNow();
    screen.reset();
    expect(screen.device).toBeUndefined();
    expect(screen.counts).toBeUndefined();
    expect(screen.lastSync).toBeUndefined();
    expect(screen.form.server).toBe(origin);
  });
});
