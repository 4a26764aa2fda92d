import type { Scheme } from '../scheme.ts';
import type { DatedRule } from './dated.ts';

/** The age from which a citizen can be issued each digital ID. */
export const minimumAge: Record<Scheme, DatedRule<number>[]> = {
  nemid: [
    {
      value: 15,
      // NemID launched on 1 July 2010; the 15-year limit was written into law from 1 July 2018.
      from: '2010-07-01',
      source:
        'seeds/004: "Du kan få NemID, når du: er fyldt 15 år, dvs. er 15 år eller derover."; ' +
        'lov om udstedelse af NemID (bill L 150, 2017-18, in force 1 July 2018) § 4: "Fysiske personer, der er fyldt 15 år"',
    },
  ],
  mitid: [
    {
      value: 13,
      // date: approximate; confirm with Digitaliseringsstyrelsen. The seeds give no MitID age (the
      // 15 in seeds/004 is under "Du kan få NemID"), so this starts when the MitID provisions of
      // the MitID and NemLog-in act came into force (6 May 2021, digst.dk).
      from: '2021-05-06',
      source:
        'mitid.dk "Who can get a MitID?": "You can get a MitID if you are above 13 years old"',
    },
  ],
};

/** Citizens get a Digital Post mailbox, and need a digital ID to read it, from this age. */
export const digitalPostAge: DatedRule<number>[] = [
  {
    value: 15,
    from: '2010-07-01',
    source: 'seeds/000 and seeds/004: "Borgere i Danmark bliver tilknyttet en digital postkasse, når de fylder 15 år."',
  },
];
