import type { BookingDay } from '#contract/bookings.ts';
import { call } from './http.ts';

/** "Dagens tider": one day's bookings by time. */
export const listBookings = (date: string) => call<BookingDay>('bookings.list', `/bookings?date=${encodeURIComponent(date)}`);
