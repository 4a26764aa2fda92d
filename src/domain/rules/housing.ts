import type { DatedRule } from './dated.ts';

export interface HousingBenefitBackdating {
  /** Applied within this many days of moving in, housing benefit is paid from the moving-in date … */
  daysAfterMovingIn: number;
}

/**
 * When housing benefit starts. Later official rules, not in the seed pages (seeds/000 only names
 * "søge boligstøtte"). Information for the receipt; the form accepts an application at any time.
 */
export const housingBenefitBackdating: DatedRule<HousingBenefitBackdating>[] = [
  {
    value: { daysAfterMovingIn: 30 },
    // date: approximate; the page gives no start date for the rule.
    from: '2018-01-01',
    source:
      'Later official rules, not in the seed pages. borger.dk "Søg boligstøtte" ' +
      '(https://www.borger.dk/bolig-og-flytning/boligstoette-oversigt/soeg-boligstoette): "Hvis du har søgt ' +
      'boligstøtte senest 30 dage efter, du er flyttet ind, vil pengene blive udbetalt med tilbagevirkende kraft fra ' +
      'indflytningsdatoen … Søger du efter, du har boet i boligen i 30 dage, kan du få boligstøtte fra den 1. i ' +
      'måneden efter, vi har modtaget din ansøgning. Udbetaling Danmark kan behandle din ansøgning fra den dag, du ' +
      'er flyttet ind."',
  },
];
