import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceHealth } from '#contract/staff.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { AdminDevices } from './admin-devices.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});
beforeEach(() => vi.stubGlobal('document', { getElementById: () => ({ focus: () => undefined }) }));
afterEach(() => vi.unstubAllGlobals());

const device: DeviceHealth = {
  id: 'kiosk-1', name: 'Kiosk 1', kind: 'kiosk', createdAt: '2026-03-02T09:00:00.000Z', revokedAt: null,
  lastSeenAt: null, report: null, oldestQueuedAt: null, flags: ['never_seen'], state: 'attention',
};

function setUp() {
  const ui = new StaffUi();
  ui.language = 'en';
  const api = {
    listDevices: vi.fn(async () => ({ devices: [device], thresholds: { notSeenMinutes: 60, oldWorkMinutes: 30 } })),
    revokeDevice: vi.fn(async () => undefined),
    revokeAllDevices: vi.fn(async (kind: 'kiosk' | 'tablet') => ({ kind, revoked: 3 })),
  };
  return { ui, api, fleet: new AdminDevices(api, ui) };
}

describe('the fleet screen', () => {
  it('shows the devices in the server\'s order with its thresholds', async () => {
    const { fleet } = setUp();
    await fleet.load();
    expect(fleet.devices).toEqual([device]);
    expect(fleet.thresholds).toEqual({ notSeenMinutes: 60, oldWorkMinutes: 30 });
  });

  it('revokes after the question, says so and reads the fleet again', async () => {
    const { ui, api, fleet } = setUp();
    await fleet.revoking.ask(device);
    await fleet.revoking.confirm();
    expect(api.revokeDevice).toHaveBeenCalledWith('kiosk-1');
    expect(fleet.revoking.message).toBe(ui.t('staff:devices.revoked', { name: 'Kiosk 1' }));
    expect(api.listDevices).toHaveBeenCalledTimes(1);
  });

  it('revokes every device of a kind after the question, names the number, and reads the fleet again', async () => {
    const { api, fleet } = setUp();
    await fleet.load();
    expect(fleet.activeCount('kiosk')).toBe(1);
    expect(fleet.activeCount('tablet')).toBe(0);
    await fleet.revokingAll.ask('tablet');
    expect(fleet.revokingAll.confirming).toBe('tablet');
    fleet.revokingAll.cancel();
    expect(api.revokeAllDevices).not.toHaveBeenCalled();
    await fleet.revokingAll.ask('tablet');
    await fleet.revokingAll.confirm();
    expect(api.revokeAllDevices).toHaveBeenCalledWith('tablet');
    expect(fleet.revokingAll.message).toBe('3 tablets have been revoked');
    expect(api.listDevices).toHaveBeenCalledTimes(2);
  });

  it('says the list could not be read, and an ended session sends the staff member to the login', async () => {
    const { ui, api, fleet } = setUp();
    ui.user = { username: 'admin', role: 'admin', expiresAt: '2026-03-02T17:00:00.000Z' };
    api.listDevices.mockRejectedValueOnce(new StaffApiError('devices.list', 401, 'not_logged_in'));
    await fleet.load();
    expect(fleet.revoking.failed).toBe(ui.t('staff:errors.failed'));
    expect(ui.user).toBeUndefined();
    fleet.reset();
    expect(fleet.revoking.failed).toBeUndefined();
  });
});
