import { addBusinessDays } from './business-days.ts';
import { addDays, calendarDate, type IsoDate } from './dates.ts';
import { ruleOn, type DatedRule } from './rules/dated.ts';
import { housingBenefitBackdating } from './rules/housing.ts';
import { moveReporting } from './rules/moving.ts';

/** How long a case of a request type without its own deadline may wait, in business days. */
export interface DefaultCaseDeadline {
  businessDays: number;
}

/**
 * The back office's own target for every other request: answered within two working weeks. A
 * choice of this project for the inbox's ordering, not a deadline in law; a municipality with a
 * service target of its own changes the value here, dated.
 */
export const defaultCaseDeadline: DatedRule<DefaultCaseDeadline>[] = [
  { value: { businessDays: 10 }, from: '2020-01-01', source: 'The back office\'s own target (two working weeks), not a rule of law.' },
];

/**
 * The last day a case should be handled by, as a Copenhagen calendar date, counted from the day it
 * arrived with the rule in force that day:
 * - a move: the law's deadline for reporting it (5 days after moving), counted from arrival, since
 *   the citizen who reports late must not be kept waiting longer;
 * - housing benefit: the window in which it is paid from the moving-in date (30 days);
 * - anything else: the default number of business days (public holidays skipped).
 */
export function caseDueDate(type: string, received: Date | IsoDate): IsoDate {
  const day = calendarDate(received);
  switch (type) {
    case 'change-of-address':
      return addDays(day, ruleOn(moveReporting, day).latestDaysAfter);
    case 'housing-benefit':
      return addDays(day, ruleOn(housingBenefitBackdating, day).daysAfterMovingIn);
    default:
      return addBusinessDays(day, ruleOn(defaultCaseDeadline, day).businessDays);
  }
}

/** An open case is overdue from the day after its due date; a closed case never is. */
export function isOverdue(dueAt: IsoDate, status: string, today: Date | IsoDate): boolean {
  if (status === 'done' || status === 'rejected') return false;
  return calendarDate(today) > dueAt;
}
