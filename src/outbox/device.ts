import { withStorage } from './db.ts';
import { DEVICE_KEY, type DeviceRecord, type SyncStatus } from './records.ts';

/** This device's enrolment, or undefined when it has none. */
export function readDevice(): Promise<DeviceRecord | undefined> {
  return withStorage('device.read', (db) => db.device.get(DEVICE_KEY));
}

/**
 * How the last sync runs went, for a header: `lastSyncAt` is when the server last took items from
 * this device with nothing due left afterwards. Empty when not enrolled or never synced.
 */
export async function readSyncStatus(): Promise<SyncStatus> {
  return (await readDevice())?.sync ?? {};
}

/** The URL of a sync API path on the device's server; '' as server means this origin. */
export function apiUrl(serverUrl: string, path: `/api/${string}`): string {
  return `${serverUrl.replace(/\/+$/, '')}${path}`;
}
