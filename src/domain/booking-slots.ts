import { addDays, calendarDate, daysBetween, isIsoDate, type IsoDate } from './dates.ts';
import { slotsOn, type BookingHours } from './slots.ts';

/**
 * A bookable time as the server holds it: "YYYY-MM-DDTHH:MM", Copenhagen time, the same text the
 * slot field answers. The server decides which of these are offered from the same opening hours
 * the kiosk computes them from (slots.ts), so both agree on what a time is.
 */
export type Slot = string;

export interface BookingRule {
  slotMinutes: number;
  daysAhead: number;
}

const SLOT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** The slot's day and time, or undefined when the text is not a real date and a time of day. */
export function parseSlot(text: string): { date: IsoDate; time: string } | undefined {
  const m = SLOT.exec(text);
  if (!m || !isIsoDate(m[1]!)) return undefined;
  const [h, min] = m[2]!.split(':').map(Number) as [number, number];
  if (h > 23 || min > 59) return undefined;
  return { date: m[1]!, time: m[2]! };
}

/** The days a booking may fall on: today and the next `daysAhead - 1` days (Copenhagen calendar). */
export function bookingWindow(now: Date, rule: BookingRule): { first: IsoDate; last: IsoDate } {
  const first = calendarDate(now);
  return { first, last: addDays(first, rule.daysAhead - 1) };
}

/**
 * Every offered slot from `from` for `days` days, clipped to the booking window: opening hours,
 * closing days and times that have started decide, as on the kiosk.
 */
export function offeredSlots(hours: BookingHours, rule: BookingRule, now: Date, from: IsoDate, days: number): Slot[] {
  const { first, last } = bookingWindow(now, rule);
  const slots: Slot[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    if (date < first || date > last) continue;
    for (const time of slotsOn(date, hours, rule.slotMinutes, now)) slots.push(`${date}T${time}`);
  }
  return slots;
}

/** Whether a citizen may book this slot now: a real time, inside opening hours, not started, within the window. */
export function isOfferedSlot(slot: string, hours: BookingHours, rule: BookingRule, now: Date): boolean {
  const parsed = parseSlot(slot);
  if (!parsed) return false;
  const { first, last } = bookingWindow(now, rule);
  if (parsed.date < first || parsed.date > last) return false;
  return slotsOn(parsed.date, hours, rule.slotMinutes, now).includes(parsed.time);
}

/** Minutes from a fixed day to the slot, to measure how far apart two slots are. */
function slotMinutes(slot: Slot): number {
  const parsed = parseSlot(slot)!;
  return daysBetween('2000-01-01', parsed.date) * 1440 + Number(parsed.time.slice(0, 2)) * 60 + Number(parsed.time.slice(3, 5));
}

/**
 * The free slots nearest to the one asked for, nearest first (an earlier time wins a tie): what a
 * citizen who lost a time is offered instead.
 */
export function nearestSlots(wanted: Slot, free: readonly Slot[], count = 3): Slot[] {
  if (!parseSlot(wanted)) return free.slice(0, count);
  const at = slotMinutes(wanted);
  return free
    .filter((s) => s !== wanted && parseSlot(s))
    .map((s) => ({ s, d: slotMinutes(s) - at }))
    .sort((a, b) => Math.abs(a.d) - Math.abs(b.d) || a.d - b.d)
    .slice(0, count)
    .map((x) => x.s);
}
