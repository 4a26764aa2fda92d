/**
 * Calendar dates as "YYYY-MM-DD" strings. Rules, ages and business days are about Danish calendar
 * days, not instants, so the domain never does arithmetic on a Date's time of day: a Date is turned
 * into the Copenhagen calendar date once, at the edge, by copenhagenDate().
 */

/** A calendar date written "YYYY-MM-DD", with no time and no zone. */
export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isIsoDate(text: string): boolean {
  const m = isoDatePattern.exec(text);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits a date into numbers; throws a RangeError naming the bad text (never a CPR number). */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const m = isoDatePattern.exec(date);
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`dates.parseIsoDate: "${date}" is not a YYYY-MM-DD calendar date`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function toUtcMidnight(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function fromUtcMidnight(ms: number): IsoDate {
  const d = new Date(ms);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * msPerDay);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / msPerDay);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const sundayIsZero = new Date(toUtcMidnight(date)).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}

const copenhagenFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Copenhagen at this instant (ages and rules count on the Copenhagen date). */
export function copenhagenDate(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('dates.copenhagenDate: invalid Date');
  const parts = copenhagenFormat.formatToParts(instant);
  const part = (type: 'year' | 'month' | 'day') => Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate(part('year'), part('month'), part('day'));
}

/** Accepts either an instant or a calendar date and returns the Copenhagen calendar date. */
export function calendarDate(date: Date | IsoDate): IsoDate {
  if (date instanceof Date) return copenhagenDate(date);
  parseIsoDate(date);
  return date;
}

/** The Intl locale that writes dates as citizens here read them: Danish, and British (not US) English. */
export function dateLocale(language: string): 'da-DK' | 'en-GB' {
  return language === 'en' ? 'en-GB' : 'da-DK';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date as text in the citizen's language: "24. november 2026" / "24 November 2026",
 * with the weekday when it matters (a booked time, a delivery window): "tirsdag den 24. november
 * 2026" / "Tuesday, 24 November 2026". English is British (en-GB): day before month, never the US
 * "November 24, 2026". Screens, receipts and printed copies show dates through this function.
 */
export function formatDate(date: IsoDate, language: string, { weekday = false } = {}): string {
  const { year, month, day } = parseIsoDate(date);
  const locale = dateLocale(language);
  const key = `${locale}|${weekday}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...(weekday ? { weekday: 'long' as const } : {}),
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(toUtcMidnight(formatIsoDate(year, month, day))));
}
