import { describe, expect, it } from 'vitest';
import { ruleDataProblems, ruleOn, type DatedRule } from './dated.ts';
import { doctorDistance, doctorDistanceKm, inCapitalArea, outsideCapitalArea } from './doctor.ts';
import { housingBenefitBackdating } from './housing.ts';
import { moveReporting } from './moving.ts';

describe('rules for a change of address', () => {
  it.each<[string, readonly DatedRule<unknown>[]]>([
    ['moveReporting', moveReporting],
    ['doctorDistance', doctorDistance],
    ['housingBenefitBackdating', housingBenefitBackdating],
  ])('%s has sound dates, a source and a value in force today', (_name, rules) => {
    expect(ruleDataProblems(rules)).toEqual([]);
    expect(() => ruleOn(rules, new Date())).not.toThrow();
  });

  it('lets a move be reported from 28 days before until 5 days after, and names the law and borger.dk', () => {
    const rule = moveReporting.at(-1)!;
    expect(rule.value).toEqual({ earliestDaysBefore: 28, latestDaysAfter: 5 });
    expect(rule.source).toMatch(/not in the seed pages/);
    expect(rule.source).toMatch(/CPR-loven/);
    expect(rule.source).toMatch(/borger\.dk/);
  });

  it('gives the 5 km limit in København, Frederiksberg, Tårnby and Dragør and 15 km elsewhere', () => {
    const rule = ruleOn(doctorDistance, '2026-11-23');
    for (const postcode of ['1050', '1620', '1850', '2000', '2100', '2300', '2500', '2720', '2770', '2791']) {
      expect(inCapitalArea(postcode), postcode).toBe(true);
      expect(outsideCapitalArea(postcode), postcode).toBe(false);
      expect(doctorDistanceKm(rule, postcode), postcode).toBe(5);
    }
    for (const postcode of ['2610', '2650', '2800', '2900', '4000', '8000', '9990']) {
      expect(inCapitalArea(postcode), postcode).toBe(false);
      expect(outsideCapitalArea(postcode), postcode).toBe(true);
      expect(doctorDistanceKm(rule, postcode), postcode).toBe(15);
    }
  });

  it('asks neither distance question for a postcode that is not one', () => {
    for (const postcode of [undefined, '', '80', 'abcd', 8000]) {
      expect(inCapitalArea(postcode)).toBe(false);
      expect(outsideCapitalArea(postcode)).toBe(false);
    }
  });
});
