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

export interface HousingBenefitProcessing {
  /** Udbetaling Danmark decides within about this many weeks … */
  maxWeeks: number;
  /** … and within this many weeks on average. */
  averageWeeks: number;
}

/** How long housing benefit takes to process, for the receipt. One applicant per household applies. */
export const housingBenefitProcessing: DatedRule<HousingBenefitProcessing>[] = [
  {
    value: { maxWeeks: 7, averageWeeks: 4 },
    // date: approximate; processing times are published without a start date. Checked December 2026.
    from: '2024-01-01',
    source:
      'borger.dk "Søg boligstøtte" (checked December 2026), in substance: Udbetaling Danmark processes an ' +
      'application in up to about 7 weeks, 4 weeks on average; only one person in the household applies; ' +
      'report the move before applying.',
  },
];
