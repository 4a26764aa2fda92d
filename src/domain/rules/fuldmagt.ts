import type { DatedRule } from './dated.ts';

export interface FuldmagtRules {
  /** Both the giver and the holder of a Digital Fuldmagt must be at least this old … */
  minimumAge: number;
  /** … and at least one of them must have MitID (the other signs a posted letter). */
  oneMustHaveMitId: boolean;
  /** One fuldmagt covers one self-service; there is no fuldmagt to "everything". */
  selfServicesPerFuldmagt: number;
}

/**
 * Digital Fuldmagt: a citizen lets another person act for them in one public self-service with
 * the other person's own MitID. Not every authority's self-service takes part, so the form asks
 * which self-service and staff check it.
 */
export const digitalFuldmagt: DatedRule<FuldmagtRules>[] = [
  {
    value: { minimumAge: 15, oneMustHaveMitId: true, selfServicesPerFuldmagt: 1 },
    // date: approximate; Digital Fuldmagt has existed since 2014, and the page gives no start date
    // for these conditions. Checked against borger.dk in December 2026.
    from: '2014-01-01',
    source:
      'borger.dk "Digital Fuldmagt" (checked December 2026), in substance: a fuldmagt is given to one ' +
      'self-service at a time; not all public authorities use Digital Fuldmagt; both the giver and the holder ' +
      'must be at least 15 years old and able to understand what a fuldmagt means; at least one of the two must ' +
      'have MitID. If the giver has no MitID, the holder requests the fuldmagt, and the giver receives a letter ' +
      'to sign and send back.',
  },
];
