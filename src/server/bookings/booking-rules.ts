import type { MunicipalityConfig } from '#config/schema.ts';
import { defaultBooking } from '#config/values.ts';
import { offeredSlots } from '#domain/booking-slots.ts';
import { addDays, type IsoDate } from '#domain/dates.ts';
import type { Store } from '../store/store.ts';

/**
 * A device may take this many bookings in 24 hours. A busy kiosk books a few dozen a day; a
 * stolen token could otherwise fill every slot of the coming weeks with made-up references.
 */
export const MAX_BOOKINGS_PER_DEVICE_PER_DAY = 200;

/** The configuration's booking rule with its defaults filled in. */
export function bookingRule(config: MunicipalityConfig): { slotMinutes: number; daysAhead: number; capacity: number } {
  const b = config.booking;
  return { slotMinutes: b?.slotMinutes ?? defaultBooking.slotMinutes, daysAhead: b?.daysAhead ?? defaultBooking.daysAhead, capacity: b?.capacity ?? defaultBooking.capacity };
}

/** The offered slots from `from` for `days` days that still have a free seat, with how many. */
export async function freeSlots(store: Store, config: MunicipalityConfig, now: Date, from: IsoDate, days: number): Promise<{ slot: string; free: number }[]> {
  const rule = bookingRule(config);
  const offered = offeredSlots(config, rule, now, from, days);
  if (offered.length === 0) return [];
  const taken = await store.bookings.takenSeats(`${from}T00:00`, `${addDays(from, days - 1)}T23:59`, now);
  return offered.map((slot) => ({ slot, free: rule.capacity - (taken.get(slot) ?? 0) })).filter((s) => s.free > 0);
}
