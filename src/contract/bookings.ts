import * as v from 'valibot';

/**
 * Booking a time, held by the server: an additive extension of wire contract v1. A device asks
 * which slots still have a free seat and reserves one for a submission's reference. A booking
 * holds no citizen data: the slot, the reference and the device; the citizen's name and phone stay
 * in the sealed submission.
 */
export const SLOTS_PATH = '/api/v1/devices/slots';
export const BOOKINGS_PATH = '/api/v1/devices/bookings';
/** `GET BOOKINGS_PATH/<reference>`: this device's booking for a reference, once its request is stored. */
export const bookingPath = (reference: string) => `${BOOKINGS_PATH}/${encodeURIComponent(reference)}`;

/** "YYYY-MM-DDTHH:MM", Copenhagen time: the slot field's answer. */
export const slotText = v.pipe(v.string(), v.maxLength(16), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a slot: YYYY-MM-DDTHH:MM'));

export const slotsQuerySchema = v.strictObject({
  from: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date: YYYY-MM-DD'))),
  days: v.optional(v.pipe(v.string(), v.regex(/^\d{1,2}$/, 'whole days, 1 to 60'))),
});

/** `GET /api/v1/devices/slots?from=YYYY-MM-DD&days=N`: offered slots with a free seat (full ones are left out). */
export interface SlotsResponse {
  slotMinutes: number;
  capacity: number;
  slots: { slot: string; free: number }[];
}

/**
 * A seat a device reserves online is held for this long for its submission. A kiosk reserves just
 * before it queues the request, which it sends at once; when no submission with that reference
 * (from that device) has arrived within the hold, the seat is free again: the citizen did not
 * finish, or the kiosk failed before sending. A request that arrives later is then treated as one
 * sent offline: booked if its time is still free, else another time is proposed.
 */
export const BOOKING_HOLD_MINUTES = 30;

export const bookingRequestSchema = v.strictObject({
  slot: slotText,
  /** The submission's receipt reference ("K7QM-3XRT-9PWA"), made on the device before it is sent. */
  reference: v.pipe(v.string(), v.maxLength(20)),
});
export type BookingRequest = v.InferOutput<typeof bookingRequestSchema>;

/**
 * `booked`: a seat is held (by the device online, or by the server when it stored a book-time
 * request sent offline); `proposed`: the request came offline to a full slot, and staff offer
 * `proposedSlot` instead.
 */
export const bookingStatuses = ['booked', 'proposed'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** `POST /api/v1/devices/bookings` → 201 (200 when the same reference had this slot already). */
export interface Booking {
  slot: string;
  reference: string;
  status: BookingStatus;
  proposedSlot: string | null;
  createdAt: string;
}

/** 409 `slot_taken`: the error and the nearest free slots, nearest first. */
export interface SlotTakenBody {
  error: { code: 'slot_taken'; message: string };
  alternatives: string[];
}

/** The back office's "Dagens tider": `GET /api/v1/staff/bookings?date=YYYY-MM-DD` (today in Copenhagen without it). */
export const bookingDayQuery = { date: 'The day, YYYY-MM-DD (Copenhagen); today without it' } as const;

export const staffBookingSchema = v.object({
  slot: v.string(),
  reference: v.string(),
  status: v.picklist(['booked', 'proposed']),
  proposedSlot: v.nullable(v.string()),
  createdAt: v.string(),
  seat: v.nullable(v.number()),
  deviceName: v.string(),
  source: v.string(),
  submissionId: v.nullable(v.string()),
});
export type StaffBooking = v.InferOutput<typeof staffBookingSchema>;

export const bookingDaySchema = v.object({
  date: v.string(),
  capacity: v.number(),
  bookings: v.array(staffBookingSchema),
});
export type BookingDay = v.InferOutput<typeof bookingDaySchema>;
