import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '#contract/device-report.ts';
import { deviceHealth, fleetThresholdsFromEnv, sortByTrouble } from './fleet.ts';
import { shutdownGraceFromEnv } from './shutdown.ts';

const now = new Date('2026-03-02T10:00:00.000Z');
const t = { notSeenMinutes: 60, oldWorkMinutes: 30 };
const device = (name: string, revokedAt: string | null = null) => ({ id: name, name, kind: 'kiosk' as const, createdAt: '2026-01-01T00:00:00.000Z', revokedAt });
const report = (over: Partial<DeviceReport> = {}): DeviceReport => ({ appVersion: '1.0.0', queued: 0, oldestQueuedAgeSeconds: null, rejected: 0, storageUsedBytes: 1, storageQuotaBytes: 100, persisted: true, lastError: 'none', ...over });
const seen = (minutesAgo: number, r: DeviceReport) => ({ deviceId: 'x', lastSeenAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString(), report: r });

describe('deviceHealth', () => {
  it('flags work older than the threshold by the server clock: report time minus the reported age', () => {
    const h = deviceHealth(device('a'), seen(20, report({ queued: 2, oldestQueuedAgeSeconds: 11 * 60 })), now, t);
    expect(h.oldestQueuedAt).toBe('2026-03-02T09:29:00.000Z');
    expect(h.flags).toEqual(['old_work']);
    expect(deviceHealth(device('b'), seen(20, report({ queued: 2, oldestQueuedAgeSeconds: 9 * 60 })), now, t).flags).toEqual([]);
  });

  it('flags a device not seen for longer than the threshold, or never', () => {
    expect(deviceHealth(device('a'), seen(61, report()), now, t).state).toBe('not_seen');
    expect(deviceHealth(device('a'), seen(59, report()), now, t).state).toBe('ok');
    expect(deviceHealth(device('a'), undefined, now, t).state).toBe('never_seen');
  });

  it('flags storage over 80 % of the quota, rejected items, failing syncs and storage the browser may clear', () => {
    const h = deviceHealth(device('a'), seen(1, report({ storageUsedBytes: 81, rejected: 1, lastError: 'network', persisted: false })), now, t);
    expect(h.flags).toEqual(['rejected', 'storage_full', 'sync_failing', 'not_persisted']);
    expect(h.state).toBe('attention');
  });

  it('does not flag a revoked device', () => {
    const h = deviceHealth(device('a', '2026-02-01T00:00:00.000Z'), seen(5000, report({ queued: 9, oldestQueuedAgeSeconds: 99_999 })), now, t);
    expect(h.flags).toEqual([]);
    expect(h.state).toBe('revoked');
  });
});

describe('sortByTrouble', () => {
  it('puts undelivered work first, the oldest work before newer, then the unseen, healthy devices and revoked ones last', () => {
    const list = [
      deviceHealth(device('revoked', '2026-02-01T00:00:00.000Z'), undefined, now, t),
      deviceHealth(device('ok'), seen(1, report()), now, t),
      deviceHealth(device('unseen'), seen(120, report()), now, t),
      deviceHealth(device('work-newer'), seen(1, report({ queued: 1, oldestQueuedAgeSeconds: 3600 })), now, t),
      deviceHealth(device('work-older'), seen(1, report({ queued: 1, oldestQueuedAgeSeconds: 7200 })), now, t),
    ];
    expect(sortByTrouble(list).map((d) => d.name)).toEqual(['work-older', 'work-newer', 'unseen', 'ok', 'revoked']);
  });
});

describe('settings from the environment', () => {
  it('reads the fleet thresholds and the shutdown grace, and names a bad value', () => {
    expect(fleetThresholdsFromEnv({})).toEqual({ notSeenMinutes: 60, oldWorkMinutes: 60 });
    expect(fleetThresholdsFromEnv({ FLEET_NOT_SEEN_MINUTES: '1440', FLEET_OLD_WORK_MINUTES: '15' })).toEqual({ notSeenMinutes: 1440, oldWorkMinutes: 15 });
    expect(() => fleetThresholdsFromEnv({ FLEET_OLD_WORK_MINUTES: '0' })).toThrow(/FLEET_OLD_WORK_MINUTES/);
    expect(() => fleetThresholdsFromEnv({ FLEET_NOT_SEEN_MINUTES: 'an hour' })).toThrow(/FLEET_NOT_SEEN_MINUTES/);
    expect(shutdownGraceFromEnv(undefined)).toBe(25_000);
    expect(shutdownGraceFromEnv('2.5')).toBe(2_500);
    expect(() => shutdownGraceFromEnv('-1')).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });
});
