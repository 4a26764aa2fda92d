import { calendarDate, formatIsoDate, isValidDate, parseIsoDate, type IsoDate } from './dates.ts';

/**
 * Age in whole years on the Copenhagen calendar date (docs/rules.md, "CPR numbers"). A person is a year
 * older from the first moment of their birthday.
 *
 * 29 February, a chosen convention: in a common year the birthday is taken to be 1 March, i.e. the
 * age goes up the day after 28 February. We found no Danish statute that fixes the day; 1 March is
 * the cautious reading for minimum ages (nobody counts as 15 or 18 a day early) and is what a plain
 * month-and-day comparison gives. Confirm with the municipality's legal team if it ever matters.
 */
export function ageOn(birthDate: IsoDate, date: Date | IsoDate): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(calendarDate(date));
  const birthdayPassed = on.month * 100 + on.day >= birth.month * 100 + birth.day;
  const age = on.year - birth.year - (birthdayPassed ? 0 : 1);
  if (age < 0) throw new RangeError('age.ageOn: the date is before the birth date');
  return age;
}

/** The first day on which someone born on `birthDate` is `years` old (29 February → 1 March, see ageOn). */
export function dateOfTurning(birthDate: IsoDate, years: number): IsoDate {
  const birth = parseIsoDate(birthDate);
  const year = birth.year + years;
  return isValidDate(year, birth.month, birth.day)
    ? formatIsoDate(year, birth.month, birth.day)
    : formatIsoDate(year, 3, 1);
}
