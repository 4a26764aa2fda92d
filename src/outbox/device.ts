import { withStorage } from './db.ts';
import { DEVICE_KEY, type DeviceRecord } from './records.ts';

/** This device's enrolment, or undefined when it has none. */
export function readDevice(): Promise<DeviceRecord | undefined> {
  return withStorage('device.read', (db) => db.device.get(DEVICE_KEY));
}

/** The URL of a sync API path on the device's server; '' as server means this origin. */
export function apiUrl(serverUrl: string, path: `/api/${string}`): string {
  return `${serverUrl.replace(/\/+$/, '')}${path}`;
}
