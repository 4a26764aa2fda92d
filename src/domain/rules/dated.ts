import { calendarDate, isIsoDate, type IsoDate } from '../dates.ts';

/**
 * One value of a rule and the period it is in force. `to` is the last day in force (inclusive);
 * without it the value is in force until a later entry replaces it. `source` names where the
 * value comes from (a seed page with a short quote, or a later official source).
 */
export interface DatedRule<T> {
  value: T;
  from: IsoDate;
  to?: IsoDate;
  source: string;
}

function inForce<T>(rule: DatedRule<T>, date: IsoDate): boolean {
  return rule.from <= date && (rule.to === undefined || date <= rule.to);
}

/** The entry in force on `date` (a Date counts as its Copenhagen calendar date), source included. */
export function ruleInForce<T>(rules: readonly DatedRule<T>[], date: Date | IsoDate): DatedRule<T> {
  const day = calendarDate(date);
  const matching = rules.filter((r) => inForce(r, day));
  if (matching.length === 1) return matching[0]!;
  const firstSource = rules[0]?.source ?? 'no entries';
  if (matching.length === 0) {
    throw new RangeError(`rules.ruleOn: no rule in force on ${day} (rule from ${firstSource})`);
  }
  throw new RangeError(`rules.ruleOn: ${matching.length} rules overlap on ${day} (rule from ${firstSource})`);
}

/** The value in force on `date`. Screens ask this; they never write the number themselves. */
export function ruleOn<T>(rules: readonly DatedRule<T>[], date: Date | IsoDate): T {
  return ruleInForce(rules, date).value;
}

/**
 * Problems in a rule's data: bad dates, a period that ends before it starts, overlapping periods,
 * entries out of order, or a missing source. Empty when the data is sound.
 */
export function ruleDataProblems(rules: readonly DatedRule<unknown>[]): string[] {
  const problems: string[] = [];
  if (rules.length === 0) problems.push('no entries');
  rules.forEach((rule, i) => {
    if (!isIsoDate(rule.from)) problems.push(`entry ${i}: from "${rule.from}" is not a date`);
    if (rule.to !== undefined && !isIsoDate(rule.to)) problems.push(`entry ${i}: to "${rule.to}" is not a date`);
    if (rule.to !== undefined && rule.to < rule.from) problems.push(`entry ${i}: ends before it starts`);
    if (rule.source.trim() === '') problems.push(`entry ${i}: no source`);
    const previous = rules[i - 1];
    if (previous && previous.from >= rule.from) problems.push(`entry ${i}: not after entry ${i - 1}`);
    if (previous && (previous.to === undefined || previous.to >= rule.from)) {
      problems.push(`entry ${i}: overlaps entry ${i - 1}`);
    }
  });
  return problems;
}
