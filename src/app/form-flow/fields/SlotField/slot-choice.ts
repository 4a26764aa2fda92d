import type { BookableDay } from '#domain/slots.ts';

/** An answer "YYYY-MM-DDTHH:MM" split into its day and its time. */
export const dayOf = (slot: string) => slot.slice(0, 10);
const timeOf = (slot: string) => slot.slice(11);

/** Whether a day can still be chosen: it is among the days with a free time. */
export const dayOffered = (days: readonly BookableDay[], day: string) => days.some((d) => d.date === day);

/** Whether a chosen time is still offered: a time that has started, or a day that is full, is not. */
export const slotOffered = (days: readonly BookableDay[], slot: string) =>
  days.some((d) => d.date === dayOf(slot) && d.times.includes(timeOf(slot)));

/** A time belongs to its day: choosing another day drops the time chosen on the old one. */
export const keepsTime = (slot: string | undefined, day: string) => slot?.startsWith(`${day}T`) ?? false;
