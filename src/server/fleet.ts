import type { DeviceReport } from '#contract/device-report.ts';
import type { StoredDeviceReport } from './store/devices/device-reports.ts';
import type { Device } from './store/store.ts';

/**
 * The fleet view's rules, in one place: which devices need someone's attention, and in what order
 * the admin screen lists them. Pure: the caller passes the time and the thresholds.
 */

export interface FleetThresholds {
  /** A device not seen for longer is flagged `not_seen` (FLEET_NOT_SEEN_MINUTES). */
  notSeenMinutes: number;
  /** A device holding work older than this is flagged `old_work` (FLEET_OLD_WORK_MINUTES). */
  oldWorkMinutes: number;
}

/** A kiosk reports at least every 5 minutes while it is on; an hour's silence is worth a look. */
export const DEFAULT_FLEET_THRESHOLDS: FleetThresholds = { notSeenMinutes: 60, oldWorkMinutes: 60 };

/** Share of the browser's quota above which storage is flagged: near it, a submit may fail. */
const STORAGE_WARNING_SHARE = 0.8;

export const fleetFlags = ['old_work', 'not_seen', 'never_seen', 'rejected', 'storage_full', 'not_persisted', 'sync_failing'] as const;
export type FleetFlag = (typeof fleetFlags)[number];

/** What Prometheus counts devices by; one state per device, the most urgent. */
export const deviceStates = ['revoked', 'old_work', 'not_seen', 'never_seen', 'attention', 'ok'] as const;
export type DeviceState = (typeof deviceStates)[number];

export interface DeviceHealth extends Device {
  lastSeenAt: string | null;
  report: DeviceReport | null;
  /** When the oldest waiting item was created, by the server's clock (report time minus its age). */
  oldestQueuedAt: string | null;
  flags: FleetFlag[];
  state: DeviceState;
}

/** How much a flag weighs when sorting by trouble: undelivered work first, since it is citizens' requests. */
const WEIGHT: Record<FleetFlag, number> = { old_work: 100, not_seen: 50, never_seen: 20, rejected: 10, storage_full: 10, sync_failing: 5, not_persisted: 2 };

export function deviceHealth(device: Device, stored: StoredDeviceReport | undefined, now: Date, t: FleetThresholds): DeviceHealth {
  const report = stored?.report ?? null;
  const lastSeenAt = stored?.lastSeenAt ?? null;
  const oldestQueuedAt =
    stored && report?.oldestQueuedAgeSeconds != null ? new Date(Date.parse(stored.lastSeenAt) - report.oldestQueuedAgeSeconds * 1000).toISOString() : null;
  const flags: FleetFlag[] = [];
  if (!device.revokedAt) {
    if (oldestQueuedAt && now.getTime() - Date.parse(oldestQueuedAt) > t.oldWorkMinutes * 60_000) flags.push('old_work');
    if (!lastSeenAt) flags.push('never_seen');
    else if (now.getTime() - Date.parse(lastSeenAt) > t.notSeenMinutes * 60_000) flags.push('not_seen');
    if (report && report.rejected > 0) flags.push('rejected');
    if (report?.storageUsedBytes != null && report.storageQuotaBytes && report.storageUsedBytes / report.storageQuotaBytes > STORAGE_WARNING_SHARE) flags.push('storage_full');
    if (report && report.lastError !== 'none') flags.push('sync_failing');
    if (report?.persisted === false) flags.push('not_persisted');
  }
  return { ...device, lastSeenAt, report, oldestQueuedAt, flags, state: stateOf(device, flags) };
}

function stateOf(device: Device, flags: FleetFlag[]): DeviceState {
  if (device.revokedAt) return 'revoked';
  for (const s of ['old_work', 'not_seen', 'never_seen'] as const) if (flags.includes(s)) return s;
  return flags.length > 0 ? 'attention' : 'ok';
}

const trouble = (d: DeviceHealth) => d.flags.reduce((sum, f) => sum + WEIGHT[f], 0);

/** Most trouble first; then the oldest undelivered work, then the longest unseen; revoked devices last. */
export function sortByTrouble(devices: DeviceHealth[]): DeviceHealth[] {
  const time = (iso: string | null, none: number) => (iso ? Date.parse(iso) : none);
  return [...devices].sort(
    (a, b) =>
      Number(!!a.revokedAt) - Number(!!b.revokedAt) ||
      trouble(b) - trouble(a) ||
      time(a.oldestQueuedAt, Infinity) - time(b.oldestQueuedAt, Infinity) ||
      time(a.lastSeenAt, -Infinity) - time(b.lastSeenAt, -Infinity) ||
      a.name.localeCompare(b.name, 'da'),
  );
}

/** Reads FLEET_NOT_SEEN_MINUTES and FLEET_OLD_WORK_MINUTES; a bad value stops the server with its name. */
export function fleetThresholdsFromEnv(env: Record<string, string | undefined>): FleetThresholds {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of minutes, at least 1, got ${JSON.stringify(raw)}`);
    return n;
  };
  return {
    notSeenMinutes: read('FLEET_NOT_SEEN_MINUTES', DEFAULT_FLEET_THRESHOLDS.notSeenMinutes),
    oldWorkMinutes: read('FLEET_OLD_WORK_MINUTES', DEFAULT_FLEET_THRESHOLDS.oldWorkMinutes),
  };
}

/** Every device with its health, most trouble first. */
export async function fleetHealth(
  store: { listDevices(): Promise<Device[]>; listDeviceReports(): Promise<StoredDeviceReport[]> },
  now: Date,
  t: FleetThresholds,
): Promise<DeviceHealth[]> {
  const [devices, reports] = await Promise.all([store.listDevices(), store.listDeviceReports()]);
  const byDevice = new Map(reports.map((r) => [r.deviceId, r]));
  return sortByTrouble(devices.map((d) => deviceHealth(d, byDevice.get(d.id), now, t)));
}
