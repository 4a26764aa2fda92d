import { BOOKINGS_PATH, SLOTS_PATH, type Booking, type SlotTakenBody, type SlotsResponse } from '#contract/bookings.ts';
import { apiUrl, readDevice } from '#outbox/device.ts';
import type { FreeSlot } from './free-days.ts';

/**
 * The outcome of reserving a time online: `booked` (the seat is held for this reference), `taken`
 * (every seat went to others; the nearest free times come with it), or `unavailable` (no
 * connection, no answer or an error: the request is queued, and the server books it or proposes
 * another time when it arrives).
 */
export type Reservation = { kind: 'booked' } | { kind: 'taken'; alternatives: string[] } | { kind: 'unavailable' };

const TIMEOUT_MS = 8_000;

type Fetch = typeof fetch;
const defaultFetch: Fetch = (...args) => globalThis.fetch(...args);

async function authorised(path: '/api/v1/devices/slots' | '/api/v1/devices/bookings', query = '') {
  const device = await readDevice().catch(() => undefined);
  if (!device) return undefined;
  return { url: apiUrl(device.serverUrl, path) + query, authorization: `Bearer ${device.token}` };
}

/** The slots with a free seat from the server, or undefined when it cannot be asked now. */
export async function fetchFreeSlots(fetchImpl: Fetch = defaultFetch): Promise<FreeSlot[] | undefined> {
  try {
    const target = await authorised(SLOTS_PATH);
    if (!target) return undefined;
    const response = await fetchImpl(target.url, { headers: { authorization: target.authorization }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return undefined;
    return ((await response.json()) as SlotsResponse).slots;
  } catch {
    return undefined;
  }
}

/** Reserves `slot` for the submission that will carry `reference`. */
export async function reserveSlot(slot: string, reference: string, fetchImpl: Fetch = defaultFetch): Promise<Reservation> {
  try {
    const target = await authorised(BOOKINGS_PATH);
    if (!target) return { kind: 'unavailable' };
    const response = await fetchImpl(target.url, {
      method: 'POST',
      headers: { authorization: target.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ slot, reference }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 200 || response.status === 201) return { kind: 'booked' };
    if (response.status === 409) {
      const body = (await response.json()) as SlotTakenBody;
      if (body.error?.code === 'slot_taken') return { kind: 'taken', alternatives: Array.isArray(body.alternatives) ? body.alternatives : [] };
    }
    // The time stopped being offered while the citizen read (it started): choose another.
    if (response.status === 400) return { kind: 'taken', alternatives: [] };
    return { kind: 'unavailable' };
  } catch {
    return { kind: 'unavailable' };
  }
}

/** What became of this device's booking for `reference` once its request is stored; undefined when there is none or no answer. */
export async function fetchBooking(reference: string, fetchImpl: Fetch = defaultFetch): Promise<Booking | undefined> {
  try {
    const device = await readDevice().catch(() => undefined);
    if (!device) return undefined;
    const response = await fetchImpl(apiUrl(device.serverUrl, BOOKINGS_PATH) + `/${encodeURIComponent(reference)}`, {
      headers: { authorization: `Bearer ${device.token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return response.ok ? ((await response.json()) as Booking) : undefined;
  } catch {
    return undefined;
  }
}
