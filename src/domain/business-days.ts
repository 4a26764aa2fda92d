import { addDays, formatIsoDate, isoWeekday, parseIsoDate, type IsoDate } from './dates.ts';
import { closedDayRules, type ClosedDayName } from './rules/holidays.ts';

export interface ClosedDay {
  id: string;
  date: IsoDate;
  name: ClosedDayName;
  /** True for a public holiday by law; false for a day offices close by custom. */
  official: boolean;
}

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

const holidaysByYear = new Map<number, readonly ClosedDay[]>();

/** The public holidays and customary closing days of a year, in date order (see rules/holidays.ts). */
export function danishHolidays(year: number): readonly ClosedDay[] {
  const known = holidaysByYear.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const days = closedDayRules
    .filter((rule) => rule.untilYear === undefined || year <= rule.untilYear)
    .map((rule) => ({
      id: rule.id,
      date: 'fixed' in rule
        ? formatIsoDate(year, rule.fixed.month, rule.fixed.day)
        : addDays(easter, rule.daysAfterEaster),
      name: rule.name,
      official: rule.official,
    }))
    .sort((x, y) => x.date.localeCompare(y.date));
  holidaysByYear.set(year, days);
  return days;
}

/**
 * A public holiday, a day offices close by custom, or one of the municipality's extra closing days
 * (configuration closingDays). Weekends are not counted here: a centre may open on a Saturday.
 */
export function isClosingDay(date: IsoDate, extraClosed: readonly IsoDate[] = []): boolean {
  if (extraClosed.includes(date)) return true;
  return danishHolidays(parseIsoDate(date).year).some((h) => h.date === date);
}

/** Monday to Friday, not a holiday or customary closing day, and not one of the municipality's extra closing days. */
export function isBusinessDay(date: IsoDate, extraClosed: readonly IsoDate[] = []): boolean {
  return isoWeekday(date) <= 5 && !isClosingDay(date, extraClosed);
}

/**
 * The date `days` business days after `date`, which is day 0 and need not be a business day itself:
 * three business days from a Friday is the Wednesday after.
 */
export function addBusinessDays(date: IsoDate, days: number, extraClosed: readonly IsoDate[] = []): IsoDate {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`business-days.addBusinessDays: days must be a whole number >= 0, got ${days}`);
  }
  parseIsoDate(date); // throws on a malformed date, also when days is 0
  let current = date;
  for (let counted = 0; counted < days; ) {
    current = addDays(current, 1);
    if (isBusinessDay(current, extraClosed)) counted++;
  }
  return current;
}

export interface DeliveryWindow {
  earliest: IsoDate;
  latest: IsoDate;
}

/** "You will receive it between earliest and latest": the seeds' 3-11 business days from `from`. */
export function deliveryWindow(
  from: IsoDate,
  minDays: number,
  maxDays: number,
  extraClosed: readonly IsoDate[] = [],
): DeliveryWindow {
  if (minDays > maxDays) {
    throw new RangeError(`business-days.deliveryWindow: minDays ${minDays} is more than maxDays ${maxDays}`);
  }
  return { earliest: addBusinessDays(from, minDays, extraClosed), latest: addBusinessDays(from, maxDays, extraClosed) };
}
