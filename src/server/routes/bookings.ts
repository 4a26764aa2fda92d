import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { bookingRequestSchema, slotsQuerySchema, type Booking, type BookingDay, type SlotTakenBody, type SlotsResponse } from '#contract/bookings.ts';
import type { MunicipalityConfig } from '#config/schema.ts';
import { isIsoDate } from '#domain/dates.ts';
import { normalizeReference } from '#domain/reference.ts';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth, deviceRateLimit } from '../auth/device-auth.ts';
import { bookingRule, freeSlots, MAX_BOOKINGS_PER_DEVICE_PER_DAY } from '../bookings/booking-rules.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import { copenhagenDay } from '../store/counter-store.ts';
import type { Store } from '../store/store.ts';
import { isOfferedSlot, nearestSlots } from '#domain/booking-slots.ts';

/**
 * The device side of booking (src/contract/bookings.ts): `GET /slots` answers the offered slots
 * that still have a free seat; `POST /bookings` takes a seat for a submission's reference.
 */
export function deviceBookingRoutes(store: Store, config: MunicipalityConfig, buckets: TokenBuckets): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const rule = bookingRule(config);

  app.get('/slots', deviceAuth(store), deviceRateLimit(buckets), async (c) => {
    const query = v.safeParse(slotsQuerySchema, c.req.query());
    if (!query.success) return apiError(c, 400, 'invalid_query', 'Ask with ?from=YYYY-MM-DD&days=N (1 to 60), nothing else.');
    const now = new Date();
    const from = query.output.from ?? copenhagenDay(now);
    const days = query.output.days === undefined ? rule.daysAhead : Number(query.output.days);
    if (!isIsoDate(from) || days < 1 || days > 60) return apiError(c, 400, 'invalid_query', '`from` must be a real date and `days` 1 to 60.');
    const slots = await freeSlots(store, config, now, from, days);
    const body: SlotsResponse = { slotMinutes: rule.slotMinutes, capacity: rule.capacity, slots };
    return c.json(body);
  });

  app.post('/bookings', deviceAuth(store), deviceRateLimit(buckets), limitBody(SMALL_BODY_BYTES), async (c) => {
    const request = await readJsonBody(c, bookingRequestSchema);
    if (request instanceof Response) return request;
    const reference = normalizeReference(request.reference);
    if (!reference) return apiError(c, 400, 'invalid_reference', '`reference` must be a receipt reference with a correct check symbol.');
    const now = new Date();
    if (!isOfferedSlot(request.slot, config, rule, now)) {
      return apiError(c, 400, 'slot_not_offered', 'This time is not offered: outside opening hours, already started, or beyond the days that can be booked.');
    }
    const device = c.var.device!;
    const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
    if ((await store.bookings.countByDeviceSince(device.id, since)) >= MAX_BOOKINGS_PER_DEVICE_PER_DAY) {
      c.header('Retry-After', '3600');
      return apiError(c, 429, 'booking_limit', `A device books at most ${MAX_BOOKINGS_PER_DEVICE_PER_DAY} times in 24 hours.`);
    }
    const outcome = await store.bookings.book({ slot: request.slot, reference, deviceId: device.id, capacity: rule.capacity, source: 'device', at: now.toISOString() });
    if ('booking' in outcome && !('refused' in outcome)) return c.json(outcome.booking, outcome.created ? 201 : 200);
    if (outcome.refused === 'reference_booked') {
      return apiError(c, 409, 'reference_booked', `This reference already has a booking at ${outcome.booking.slot}.`);
    }
    const free = await freeSlots(store, config, now, copenhagenDay(now), rule.daysAhead);
    const body: SlotTakenBody = {
      error: { code: 'slot_taken', message: 'Every seat of this time has just been booked; choose one of the alternatives.' },
      alternatives: nearestSlots(request.slot, free.map((s) => s.slot)),
    };
    return c.json(body, 409);
  });

  // What became of a reference's time: a kiosk whose request went offline asks once it is sent,
  // so the receipt still on screen can say the time is booked, or which time is proposed instead.
  // A device reads only its own bookings: another device's reference is as unknown as a made-up one.
  app.get('/bookings/:reference', deviceAuth(store), deviceRateLimit(buckets), async (c) => {
    const reference = normalizeReference(c.req.param('reference'));
    if (!reference) return apiError(c, 400, 'invalid_reference', '`reference` must be a receipt reference with a correct check symbol.');
    const booking = await store.bookings.byReference(c.var.device!.id, reference);
    if (!booking) return apiError(c, 404, 'no_booking', 'This device has no booking for that reference (yet).');
    const body: Booking = booking;
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}

/** "Dagens tider": a day's bookings by time, for every signed-in staff member. */
export function staffBookingRoutes(store: Store, config: MunicipalityConfig, auth: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/bookings', auth, async (c) => {
    const date = c.req.query('date') ?? copenhagenDay(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isIsoDate(date)) return apiError(c, 400, 'invalid_filter', '`date` must be a real date, YYYY-MM-DD.');
    const body: BookingDay = { date, capacity: bookingRule(config).capacity, bookings: await store.bookings.ofDay(date) };
    return c.json(body);
  });
  return app;
}
