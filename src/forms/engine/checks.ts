import { ageOn, dateOfTurning } from '#domain/age.ts';
import { parseCpr } from '#domain/cpr.ts';
import { calendarDate, daysBetween, isIsoDate, type IsoDate } from '#domain/dates.ts';
import type { Answers, FieldError, FormCheck } from './types.ts';

/**
 * Form checks that several forms share (FormDefinition.checks). Like every check they say
 * nothing while an answer is missing or invalid: the field's own rule reports that first.
 */

const cprOf = (value: unknown, today: Date) => {
  const parsed = typeof value === 'string' ? parseCpr(value, today) : undefined;
  return parsed?.ok ? parsed : undefined;
};

/** The date of birth in a valid CPR number, or undefined. */
export const birthDateOf = (value: unknown, today: Date): IsoDate | undefined => cprOf(value, today)?.birthDate;

/**
 * The people in a repeatable group are other people, each once: a row with the citizen's own CPR
 * number (context "self") or with a number an earlier row has (context "repeated") is refused on
 * that row's CPR field. A caseworker cannot register one person twice.
 */
export function distinctPeopleCheck(group: string, cprField: string, ownCprField = 'cpr'): FormCheck {
  return (data, today) => {
    const rows = Array.isArray(data[group]) ? (data[group] as Answers[]) : [];
    const own = cprOf(data[ownCprField], today)?.cpr;
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    rows.forEach((row, i) => {
      const cpr = cprOf(row?.[cprField], today)?.cpr;
      if (!cpr) return;
      const context = cpr === own ? 'self' : seen.has(cpr) ? 'repeated' : undefined;
      if (context) errors.push({ path: `${group}.${i}.${cprField}`, code: 'notEligible', values: { context } });
      seen.add(cpr);
    });
    return errors;
  };
}

/** A period's end is not before its start; the error is on the end date, which names the start. */
export function periodCheck(fromField: string, toField: string): FormCheck {
  return (data) => {
    const from = data[fromField];
    const to = data[toField];
    if (typeof from !== 'string' || typeof to !== 'string' || !isIsoDate(from) || !isIsoDate(to)) return [];
    return to < from ? [{ path: toField, code: 'notEligible', values: { context: 'beforeStart', from } }] : [];
  };
}

/** Calendar days from `from` to `to`, both included; undefined unless both are dates in order. */
export function daysInPeriod(from: unknown, to: unknown): number | undefined {
  if (typeof from !== 'string' || typeof to !== 'string' || !isIsoDate(from) || !isIsoDate(to) || to < from) return undefined;
  return daysBetween(from, to) + 1;
}

/** A date is not before the citizen was born (read from their CPR number). */
export function notBeforeBirthCheck(dateField: string, cprField = 'cpr'): FormCheck {
  return (data, today) => {
    const date = data[dateField];
    const born = birthDateOf(data[cprField], today);
    if (typeof date !== 'string' || !isIsoDate(date) || !born) return [];
    return date < born ? [{ path: dateField, code: 'notEligible', values: { context: 'beforeBirth', born } }] : [];
  };
}

/** Another person's CPR number is not the citizen's own (one cannot give oneself access or a power of attorney). */
export function otherPersonCheck(cprField: string, ownCprField = 'cpr'): FormCheck {
  return (data, today) => {
    const own = cprOf(data[ownCprField], today)?.cpr;
    const other = cprOf(data[cprField], today)?.cpr;
    return own && other === own ? [{ path: cprField, code: 'notEligible', values: { context: 'self' } }] : [];
  };
}

/**
 * A person named by a CPR number is at least `minimumAge(today)` years old on the Copenhagen
 * calendar date (context "tooYoung", with the age and the day they reach it). Safe on the server:
 * an age only grows while a request waits in a queue.
 */
export function minimumAgeCheck(cprField: string, minimumAge: (today: Date) => number): FormCheck {
  return (data, today) => {
    const born = birthDateOf(data[cprField], today);
    if (!born) return [];
    const age = minimumAge(today);
    return ageOn(born, today) < age
      ? [{ path: cprField, code: 'notEligible', values: { context: 'tooYoung', age: String(age), date: dateOfTurning(born, age) } }]
      : [];
  };
}

const dateAnswer = (value: unknown): IsoDate | undefined => (typeof value === 'string' && isIsoDate(value) ? value : undefined);

/** A date that cannot lie ahead (a moving-in date, a last working day): context "future", with today. */
export function notInFutureCheck(dateField: string): FormCheck {
  return (data, today) => {
    const date = dateAnswer(data[dateField]);
    const day = calendarDate(today);
    return date && date > day ? [{ path: dateField, code: 'notEligible', values: { context: 'future', today: day } }] : [];
  };
}

/**
 * A date that must not have passed (the last day of an access): context "past", with today. An
 * entry check (FormDefinition.entryChecks): a queued request may arrive after the date.
 */
export function notInPastCheck(dateField: string): FormCheck {
  return (data, today) => {
    const date = dateAnswer(data[dateField]);
    const day = calendarDate(today);
    return date && date < day ? [{ path: dateField, code: 'notEligible', values: { context: 'past', today: day } }] : [];
  };
}
