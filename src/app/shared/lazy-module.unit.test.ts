import { describe, expect, it, vi } from 'vitest';
import { LazyModule } from './lazy-module.svelte.ts';

describe('LazyModule', () => {
  it('loads once, however often it is asked, and then has the module at once', async () => {
    const module = { default: 'screen' };
    const load = vi.fn(async () => module);
    const lazy = new LazyModule(load);
    expect(lazy.current).toBeUndefined();
    const first = lazy.load();
    const second = lazy.load();
    expect(await first).toBe(module);
    expect(await second).toBe(module);
    expect(lazy.current).toBe(module);
    await lazy.load();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load', async () => {
    const module = { default: 'screen' };
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(module);
    const lazy = new LazyModule<typeof module>(load);
    await expect(lazy.load()).rejects.toThrow('offline');
    expect(lazy.current).toBeUndefined();
    expect(await lazy.load()).toBe(module);
    expect(lazy.current).toBe(module);
  });
});
