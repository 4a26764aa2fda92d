import type { DeviceFleetAnswer, DeviceKind, DeviceName, RevokeAllDevicesAnswer, RevokeAllDevicesRequest } from '#contract/staff.ts';
import { call, post, segment } from './http.ts';

/** Enrolled kiosks and tablets: the fleet view and revoking (admins), the names (every staff member). */

export const listDevices = () => call<DeviceFleetAnswer>('devices.list', '/devices');
export const revokeDevice = (id: string) => call<void>('devices.revoke', `/devices/${segment(id)}/revoke`, post());
export const revokeAllDevices = (kind: DeviceKind) => call<RevokeAllDevicesAnswer>('devices.revokeAll', '/devices/revoke-all', post({ kind } satisfies RevokeAllDevicesRequest));
export const listDeviceNames = () => call<{ devices: DeviceName[] }>('devices.names', '/device-names');
