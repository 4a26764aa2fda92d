import { DEVICE_EVENTS_PATH, type DeviceEvent } from '#contract/device-events.ts';
import { apiUrl, readDevice } from '#outbox/device.ts';
import { withStaffDb } from './db.ts';

/**
 * Sends what happened on this tablet while it may have been offline (today: a PIN wipe) to the
 * server's audit log, oldest first. An event goes once the server took it (204) or refused it
 * for good (400, 403: sending it again would never help); a network failure, a revoked token
 * (401) or a server error keeps it for the next try. Returns how many were sent.
 */
export async function sendDeviceEvents(fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<number> {
  const device = await readDevice();
  if (!device) return 0;
  const events = await withStaffDb('tablet.read-events', (db) => db.events.orderBy('seq').toArray());
  let sent = 0;
  for (const { seq, ...event } of events) {
    const body: DeviceEvent = event;
    let status: number;
    try {
      const response = await fetchImpl(apiUrl(device.serverUrl, DEVICE_EVENTS_PATH), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
    } catch {
      return sent; // offline: try again later
    }
    if (status === 204 || status === 400 || status === 403) {
      if (status !== 204) console.warn('tablet: the server refused a device event', status);
      await withStaffDb('tablet.delete-event', (db) => db.events.delete(seq!));
      if (status === 204) sent += 1;
    } else {
      return sent;
    }
  }
  return sent;
}

/** How many events wait to be sent (for tests). */
export function pendingDeviceEvents(): Promise<number> {
  return withStaffDb('tablet.count-events', (db) => db.events.count());
}
