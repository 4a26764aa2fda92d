import { addDays, calendarDate, daysBetween, isIsoDate } from '#domain/dates.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { doctorDistance, doctorDistanceKm } from '#domain/rules/doctor.ts';
import { moveReporting } from '#domain/rules/moving.ts';
import type { Answers, FormCheck, TextValues } from '../engine/types.ts';

/**
 * The rules of a change of address (src/domain/rules/moving.ts and doctor.ts) as form checks and
 * text values.
 */

/**
 * A moving date further ahead than the rule allows cannot be reported yet. Only the future is
 * refused: a late report is still registered (the receipt says a fine is possible), and a request
 * queued offline must still validate when it reaches the server days later.
 */
export const movingDateCheck: FormCheck = (data, today) => {
  const date = data.movingDate;
  if (typeof date !== 'string' || !isIsoDate(date)) return [];
  const { earliestDaysBefore } = ruleOn(moveReporting, today);
  const latestAccepted = addDays(calendarDate(today), earliestDaysBefore);
  return date > latestAccepted
    ? [{ path: 'movingDate', code: 'notEligible', values: { context: 'tooEarly', days: String(earliestDaysBefore), date: addDays(date, -earliestDaysBefore) } }]
    : [];
};

/** The reporting limits for the texts of the moving step. */
export const moveValues: TextValues = (today) => {
  const { earliestDaysBefore, latestDaysAfter } = ruleOn(moveReporting, today);
  return { daysBefore: String(earliestDaysBefore), daysAfter: String(latestDaysAfter) };
};

const postcodeOf = (data: Answers) => (data.newAddress as { postcode?: unknown } | undefined)?.postcode;

/** The distance limit that the new postcode gives, for the doctor step's text. */
export const doctorValues: TextValues = (today, data) => ({
  km: String(doctorDistanceKm(ruleOn(doctorDistance, today), postcodeOf(data))),
  postcode: typeof postcodeOf(data) === 'string' ? String(postcodeOf(data)) : '',
});

/** The receipt: a report later than the rule allows is registered, but may be fined (context "late"). */
export const receiptValues: TextValues = (today, data) => {
  const { latestDaysAfter } = ruleOn(moveReporting, today);
  const date = data.movingDate;
  const late = typeof date === 'string' && isIsoDate(date) && daysBetween(date, calendarDate(today)) > latestDaysAfter;
  return { days: String(latestDaysAfter), context: late ? 'late' : 'onTime' };
};
