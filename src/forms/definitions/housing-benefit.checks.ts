import { calendarDate, daysBetween, isIsoDate } from '#domain/dates.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { housingBenefitBackdating, housingBenefitProcessing } from '#domain/rules/housing.ts';
import type { FormCheck, TextValues } from '../engine/types.ts';

/**
 * The receipt: from when housing benefit can be paid, by the rule data and the moving-in date
 * (context "before": not moved in yet; "inTime": paid from the moving-in date; "late": from the
 * first of the month after the application arrives).
 */
export const receiptValues: TextValues = (today, data): Record<string, string> => {
  const { daysAfterMovingIn } = ruleOn(housingBenefitBackdating, today);
  const moved = data.movedInDate;
  if (typeof moved !== 'string' || !isIsoDate(moved)) return { days: String(daysAfterMovingIn) };
  const since = daysBetween(moved, calendarDate(today));
  const context = since < 0 ? 'before' : since <= daysAfterMovingIn ? 'inTime' : 'late';
  return { days: String(daysAfterMovingIn), context, date: moved };
};

/** Version 3's receipt: v2's values and how long processing takes (src/domain/rules/housing.ts). */
export const receiptValuesV3: TextValues = (today, data, config) => {
  const { maxWeeks, averageWeeks } = ruleOn(housingBenefitProcessing, today);
  return { ...receiptValues(today, data, config), maxWeeks: String(maxWeeks), averageWeeks: String(averageWeeks) };
};

/** The move is reported before housing benefit is applied for: a "no" is refused, and the message says where to report it. */
export const moveReportedCheck: FormCheck = (data) =>
  data.moveReported === false ? [{ path: 'moveReported', code: 'notEligible', values: { context: 'no' } }] : [];
