import type { DeviceFleetAnswer, DeviceName } from '#contract/staff.ts';
import { call, post, segment } from './http.ts';

/** Enrolled kiosks and tablets: the fleet view and revoking (admins), the names (every staff member). */

export const listDevices = () => call<DeviceFleetAnswer>('devices.list', '/devices');
export const revokeDevice = (id: string) => call<void>('devices.revoke', `/devices/${segment(id)}/revoke`, post());
export const listDeviceNames = () => call<{ devices: DeviceName[] }>('devices.names', '/device-names');
