import { describe, expect, it, vi } from 'vitest';
import type { StaffProfile } from '#vault/vault.ts';
import { TabletAppController, type TabletAppIo } from './tablet-app.svelte.ts';
import type { Phase } from './tablet-ui.svelte.ts';

const profile = { username: 'anna', role: 'caseworker', createdAt: '2025-01-01T00:00:00Z', wrongPins: 0 } as StaffProfile;

function started(io: Partial<TabletAppIo>) {
  const ui = { phase: 'starting' as Phase, adding: false };
  const syncNow = vi.fn();
  const startSync = vi.fn(() => ({ syncNow }));
  const app = new TabletAppController(ui, { startSync, readProfiles: async () => [profile], sendDeviceEvents: async () => 0, search: () => '', ...io });
  return { ui, app, startSync, syncNow };
}

describe('TabletAppController', () => {
  it('sends a device that is not an enrolled tablet to set-up, without syncing', async () => {
    for (const status of [{ enrolled: false }, { enrolled: true, kind: 'kiosk' as const }]) {
      const { ui, app, startSync } = started({ readDeviceStatus: async () => status });
      await app.start();
      expect(ui.phase).toBe('not-enrolled');
      expect(app.enrolled).toBe(false);
      expect(startSync).not.toHaveBeenCalled();
    }
  });

  it('on an enrolled tablet starts the outbox sync and opens at the lock when a profile exists', async () => {
    const { ui, app, startSync } = started({ readDeviceStatus: async () => ({ enrolled: true, kind: 'tablet' }) });
    await app.start();
    expect(app.enrolled).toBe(true);
    expect(startSync).toHaveBeenCalledOnce();
    expect(app.profiles).toEqual([profile]);
    expect(ui.phase).toBe('locked');
  });

  it('goes on with the sign-in when the organisation\'s login sends an added staff member back', async () => {
    const { ui, app } = started({ readDeviceStatus: async () => ({ enrolled: true, kind: 'tablet' }), search: () => '?sso=1' });
    await app.start();
    expect(ui.phase).toBe('sign-in');
    expect(ui.adding).toBe(true);
  });

  it('asks for the online sign-in when there is no profile yet', async () => {
    const { ui, app } = started({ readDeviceStatus: async () => ({ enrolled: true, kind: 'tablet' }), readProfiles: async () => [] });
    await app.start();
    expect(ui.phase).toBe('sign-in');
  });

  it('says it failed when storage cannot be read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { ui, app } = started({ readDeviceStatus: async () => Promise.reject(new Error('closed')) });
    await app.start();
    expect(ui.phase).toBe('failed');
    vi.restoreAllMocks();
  });

  it('syncs now through the scheduler, and reports device events without throwing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { app, syncNow } = started({ sendDeviceEvents: async () => Promise.reject(new Error('offline')) });
    app.syncNow();
    expect(syncNow).toHaveBeenCalledOnce();
    app.reportEvents();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(console.error).toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('reset() forgets the enrolment and the profile', async () => {
    const { app } = started({ readDeviceStatus: async () => ({ enrolled: true, kind: 'tablet' }) });
    await app.start();
    app.reset();
    expect(app.enrolled).toBe(false);
    expect(app.profiles).toEqual([]);
  });
});
