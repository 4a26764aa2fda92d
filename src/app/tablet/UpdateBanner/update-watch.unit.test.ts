import { afterEach, describe, expect, it, vi } from 'vitest';
import { UPDATE_CHECK_MS, UpdateWatch } from './update-watch.svelte.ts';

/** A registration with a waiting worker (or not) and a controller, as the browser's. */
function fakeContainer(waiting: boolean) {
  const registration = Object.assign(new EventTarget(), {
    waiting: waiting ? ({} as ServiceWorker) : null,
    installing: null as ServiceWorker | null,
    update: vi.fn(async () => undefined),
  });
  const container = { controller: {} as ServiceWorker, getRegistration: async () => registration } as unknown as ServiceWorkerContainer;
  return { container, registration };
}

afterEach(() => vi.useRealTimers());

describe('UpdateWatch', () => {
  it('is ready when a new version waits behind the running one', async () => {
    const watch = new UpdateWatch(async () => undefined);
    watch.start(fakeContainer(true).container);
    await Promise.resolve();
    await Promise.resolve();
    expect(watch.ready).toBe(true);
  });

  it('asks the server for a new version every half hour until stopped', async () => {
    vi.useFakeTimers();
    const { container, registration } = fakeContainer(false);
    const watch = new UpdateWatch(async () => undefined);
    const stop = watch.start(container);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS);
    expect(watch.ready).toBe(false);
    expect(registration.update).toHaveBeenCalledOnce();
    stop();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS);
    expect(registration.update).toHaveBeenCalledOnce();
  });

  it('installs only when asked, and reset() forgets it', async () => {
    const apply = vi.fn(async () => undefined);
    const watch = new UpdateWatch(apply);
    await watch.install();
    expect(apply).toHaveBeenCalledOnce();
    expect(watch.installing).toBe(true);
    watch.reset();
    expect(watch.installing).toBe(false);
  });
});
