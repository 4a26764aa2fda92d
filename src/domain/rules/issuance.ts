import type { DatedRule } from './dated.ts';

export interface Range {
  min: number;
  max: number;
}

/** How many control questions from the CPR register a citizen answers for immediate NemID issuance. */
export const controlQuestions: DatedRule<Range>[] = [
  {
    value: { min: 2, max: 4 },
    from: '2010-07-01',
    source:
      'seeds/001: "acceptere at svare på 2-4 kontrolspørgsmål eller stille med et vitterlighedsvidne"; ' +
      'seeds/003: "besvare 2-4 kontrolspørgsmål korrekt"',
  },
];

/** Business days ("hverdage") within which a posted key card and temporary password arrive. */
export const postedDeliveryBusinessDays: DatedRule<Range>[] = [
  {
    value: { min: 3, max: 11 },
    from: '2010-07-01',
    source: 'seeds/003: "vil du indenfor 3-11 hverdage modtage følgende på din folkeregisteradresse"',
  },
];
