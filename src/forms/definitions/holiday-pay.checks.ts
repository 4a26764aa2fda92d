import { ageOn } from '#domain/age.ts';
import { calendarDate, daysInMonth, formatIsoDate, isIsoDate, parseIsoDate, type IsoDate } from '#domain/dates.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { holidayPay } from '#domain/rules/holiday-pay.ts';
import { birthDateOf, daysInPeriod } from '../engine/checks.ts';
import type { Answers, FormCheck, TextValues } from '../engine/types.ts';

/**
 * More days of holiday pay than the period has calendar days cannot be right: the caseworker
 * would send the request back. (Calendar days are a generous bound: holiday days are working days.)
 */
export const daysWithinPeriodCheck: FormCheck = (data) => {
  const period = daysInPeriod(data.periodFrom, data.periodTo);
  if (data.amountChoice !== 'days' || typeof data.days !== 'number' || period === undefined) return [];
  return data.days > period ? [{ path: 'days', code: 'notEligible', values: { total: String(period) } }] : [];
};

/** The rules of holiday pay without digital ID (src/domain/rules/holiday-pay.ts) as checks and text values. */

/** The amounts paid without a request, for the first step's text ("{{start, number}} kr."). */
export const paidAutomaticallyValues: TextValues = (today) => {
  const { automaticAtStartKr, automaticAtEndKr } = ruleOn(holidayPay, today);
  return { start: String(automaticAtStartKr), end: String(automaticAtEndKr) };
};

/** The age from which the young person signs, for the signing step's text. */
export const signerValues: TextValues = (today) => ({ age: String(ruleOn(holidayPay, today).signsOwnFormAge) });

const ageOf = (data: Answers, today: Date) => {
  const born = birthDateOf(data.cpr, today);
  return born ? { born, age: ageOn(born, today), limit: ruleOn(holidayPay, today).signsOwnFormAge } : undefined;
};

/**
 * A child under the signing age does not sign alone: a parent helps and signs (context "parent").
 * Safe on the server: a queued request's applicant only grows older.
 */
export const signerAgeCheck: FormCheck = (data, today) => {
  const who = ageOf(data, today);
  if (!who || data.signedBy !== 'applicant' || who.age >= who.limit) return [];
  return [{ path: 'signedBy', code: 'notEligible', values: { context: 'parent', age: String(who.limit) } }];
};

/**
 * From the signing age the young person signs themself (context "self"). An entry check only: a
 * child who turns the age while the request waits in a queue was rightly helped by a parent.
 */
export const signerAgeEntryCheck: FormCheck = (data, today) => {
  const who = ageOf(data, today);
  if (!who || data.signedBy !== 'parent' || who.age < who.limit) return [];
  return [{ path: 'signedBy', code: 'notEligible', values: { context: 'self', age: String(who.limit) } }];
};

/**
 * Having left the labour market, holiday pay is requested within the rule's months of the last
 * working day (context "tooLongAgo", with the earliest day accepted). An entry check: a queued
 * request may pass the limit while it waits.
 */
export const lastWorkingDayRecentCheck: FormCheck = (data, today) => {
  const date = data.lastWorkingDay;
  if (typeof date !== 'string' || !isIsoDate(date)) return [];
  const months = ruleOn(holidayPay, today).leftLabourMarketMonths;
  const earliest = monthsBefore(calendarDate(today), months);
  return date < earliest ? [{ path: 'lastWorkingDay', code: 'notEligible', values: { context: 'tooLongAgo', months: String(months), earliest } }] : [];
};

/** The same day `months` earlier, or that month's last day (31 August less 6 months is 28 or 29 February). */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * Holiday pay is paid at the earliest the rule's months before the first day of holiday: a first
 * day further ahead is refused (context "tooEarly", with the first day one can apply). Safe on
 * the server: a queued request only comes nearer to the holiday.
 */
export const firstHolidayDayCheck: FormCheck = (data, today) => {
  const date = data.firstHolidayDay;
  if (typeof date !== 'string' || !isIsoDate(date)) return [];
  const months = ruleOn(holidayPay, today).monthsBeforeFirstDay;
  const earliest = monthsBefore(date, months);
  return earliest > calendarDate(today) ? [{ path: 'firstHolidayDay', code: 'notEligible', values: { context: 'tooEarly', months: String(months), earliest } }] : [];
};
