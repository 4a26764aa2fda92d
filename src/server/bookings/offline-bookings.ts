import type { MunicipalityConfig } from '#config/schema.ts';
import { isOfferedSlot, nearestSlots } from '#domain/booking-slots.ts';
import type { Log } from '../log.ts';
import { copenhagenDay } from '../store/counter-store.ts';
import type { Store } from '../store/store.ts';
import { bookingRule, freeSlots } from './booking-rules.ts';

/**
 * A book-time request sent from a kiosk that was offline has no booking yet. When the server
 * stores it, it books the asked slot if a seat is free; otherwise (full, or the time has passed
 * while the request waited) it records the nearest free time as proposed, for staff to offer the
 * citizen. A request the kiosk reserved online already has its booking and is left alone.
 */
export function offlineBookings(store: Store, config: MunicipalityConfig, log: Log) {
  const rule = bookingRule(config);
  return async (deviceId: string, wanted: { reference: string; slot: string }[]): Promise<void> => {
    for (const { reference, slot } of wanted) {
      try {
        if (await store.bookings.byReference(deviceId, reference)) continue;
        const now = new Date();
        if (isOfferedSlot(slot, config, rule, now)) {
          const outcome = await store.bookings.book({ slot, reference, deviceId, capacity: rule.capacity, source: 'ingest', at: now.toISOString() });
          if (!('refused' in outcome) || outcome.refused === 'reference_booked') continue;
        }
        const free = await freeSlots(store, config, now, copenhagenDay(now), rule.daysAhead);
        const proposed = nearestSlots(slot, free.map((s) => s.slot), 1)[0] ?? null;
        await store.bookings.propose({ slot, reference, deviceId, proposedSlot: proposed, at: now.toISOString() });
      } catch (err) {
        // The submission is stored whatever happens here; staff see a request without a booking.
        log('error', 'offline_booking_failed', { deviceId, message: (err as Error).message });
      }
    }
  };
}
