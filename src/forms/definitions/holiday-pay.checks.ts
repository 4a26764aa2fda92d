import { daysInPeriod } from '../engine/checks.ts';
import type { FormCheck } from '../engine/types.ts';

/**
 * More days of holiday pay than the period has calendar days cannot be right: the caseworker
 * would send the request back. (Calendar days are a generous bound: holiday days are working days.)
 */
export const daysWithinPeriodCheck: FormCheck = (data) => {
  const period = daysInPeriod(data.periodFrom, data.periodTo);
  if (data.amountChoice !== 'days' || typeof data.days !== 'number' || period === undefined) return [];
  return data.days > period ? [{ path: 'days', code: 'notEligible', values: { total: String(period) } }] : [];
};
