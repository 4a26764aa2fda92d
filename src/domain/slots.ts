import { weekdays } from './weekdays.ts';
import { isClosingDay } from './business-days.ts';
import { addDays, calendarDate, isoWeekday, type IsoDate } from './dates.ts';

export interface OpeningInterval {
  opens: string;
  closes: string;
}

export interface BookingHours {
  openingHours: Record<(typeof weekdays)[number], readonly OpeningInterval[]>;
  closingDays: readonly IsoDate[];
}

export interface BookableDay {
  date: IsoDate;
  /** Start times, "HH:MM", Copenhagen time. */
  times: string[];
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const copenhagenTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minutes since midnight on the Copenhagen clock at this instant. */
function copenhagenMinutes(instant: Date): number {
  return minutesOf(copenhagenTime.format(instant));
}

/**
 * The start times on one day: every `slotMinutes` from opening, each ending by closing time; on
 * the current day only those that have not started (Copenhagen clock). The configured opening
 * hours decide the weekdays, Saturday and Sunday included when a centre opens then; a public
 * holiday, a customary closing day (rules/holidays.ts) or a configured closing day has none.
 */
export function slotsOn(date: IsoDate, hours: BookingHours, slotMinutes: number, now: Date): string[] {
  if (isClosingDay(date, hours.closingDays)) return [];
  const today = calendarDate(now);
  if (date < today) return [];
  const earliest = date === today ? copenhagenMinutes(now) + 1 : 0;
  const times: string[] = [];
  for (const interval of hours.openingHours[weekdays[isoWeekday(date) - 1]!]) {
    for (let start = minutesOf(interval.opens); start + slotMinutes <= minutesOf(interval.closes); start += slotMinutes) {
      if (start >= earliest) times.push(hhmm(start));
    }
  }
  return times;
}

/** The days from today over the next `daysAhead` calendar days that still have a free start time. */
export function bookableDays(hours: BookingHours, now: Date, { slotMinutes, daysAhead }: { slotMinutes: number; daysAhead: number }): BookableDay[] {
  const today = calendarDate(now);
  return Array.from({ length: daysAhead }, (_, i) => addDays(today, i))
    .map((date) => ({ date, times: slotsOn(date, hours, slotMinutes, now) }))
    .filter((day) => day.times.length > 0);
}
