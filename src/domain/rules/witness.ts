import type { DatedRule } from './dated.ts';

/** A witness ("vitterlighedsvidne") must have reached this age, for NemID and MitID alike. */
export const witnessMinimumAge: DatedRule<number>[] = [
  {
    value: 18,
    from: '2010-07-01',
    source:
      'seeds/001: "Vitterlighedsvidnet skal være fyldt 18 år"; seeds/003: "skal være fyldt 18 år og have et ' +
      'dansk cpr-nummer"; digst.dk MitID lovgivning: "For at være vidne skal personen være fyldt 18 år"',
  },
];

export interface MitIdExperience {
  days: number;
  /** 'at-least': held for N days or more; 'more-than': held for more than N days. */
  counting: 'at-least' | 'more-than';
}

/** How long a MitID witness must have had MitID. Not a NemID rule. */
export const witnessMitIdExperience: DatedRule<MitIdExperience>[] = [
  {
    // seeds/004 says "mindst 10 dage", the official page "mere end 10 dage"; the stricter reading wins.
    value: { days: 10, counting: 'more-than' },
    from: '2021-05-06',
    to: '2023-12-31',
    source:
      'seeds/004: "Vidnet skal have haft MitID i mindst 10 dage."; digst.dk MitID lovgivning: "have haft MitID ' +
      'i mere end 10 dage" (MitID provisions in force 6 May 2021)',
  },
  {
    value: { days: 30, counting: 'more-than' },
    // date: approximate; confirm with Digitaliseringsstyrelsen. Newer pages say 30 days without
    // giving the date of the change.
    from: '2024-01-01',
    source:
      'mitid.dk "When you need Citizen Service to assist you with MitID": "have had MitID for more than 30 days" ' +
      '(date of change approximate)',
  },
];

export interface WitnessLimit {
  times: number;
  withinDays: number;
}

/** How often one person may act as a MitID witness. Not stated for NemID. */
export const witnessLimit: DatedRule<WitnessLimit>[] = [
  {
    value: { times: 3, withinDays: 120 },
    from: '2021-05-06',
    source:
      'digst.dk MitID lovgivning: "En person kan højst være vidne for 3 personer inden for 120 dage."; ' +
      'mitid.dk: "allowed to be a witnesser 3 times within a 120 day period"',
  },
];
