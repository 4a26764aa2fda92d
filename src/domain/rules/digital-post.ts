import type { DatedRule } from './dated.ts';
import type { LabelKey } from './labels.ts';

export const exemptionGroundIds = [
  'impairment',
  'no-internet-at-home',
  'emigrated',
  'homeless',
  'language-difficulties',
  'digital-id-difficulties',
] as const;
export type ExemptionGroundId = (typeof exemptionGroundIds)[number];

export interface ExemptionGround {
  id: ExemptionGroundId;
  labelKey: LabelKey;
}

export interface DigitalPostExemption {
  grounds: readonly ExemptionGround[];
  /** The citizen signs a declaration on honour … */
  declarationOnHonour: boolean;
  /** … and need not say which ground applies. */
  groundMustBeStated: boolean;
}

/**
 * Exemption from Digital Post (letters on paper instead). The seeds (000, 004) only say "ét af dem
 * fem fritagelseskriterier" without listing them; seeds/001 names examples ("fysisk eller psykisk
 * handicap, sproglige barrierer"). The list below is the current official one.
 */
export const digitalPostExemption: DatedRule<DigitalPostExemption>[] = [
  {
    value: {
      grounds: exemptionGroundIds.map((id) => ({ id, labelKey: `digitalPost.exemption.${id}` as const })),
      declarationOnHonour: true,
      groundMustBeStated: false,
    },
    // date: approximate; confirm with Digitaliseringsstyrelsen. DOMAIN.md dates the six-ground
    // list to public sources of 2025-2026; the seeds (2022-2023) still count five criteria.
    from: '2025-01-01',
    source:
      'DOMAIN.md "Facts that changed since the seeds": "the current official list has six grounds (impairment; ' +
      'no adequate internet at home; emigrated; homeless or no fixed address; language difficulties; practical ' +
      'difficulties getting digital ID). The citizen signs a declaration on honour and need not say which ground ' +
      'applies."',
  },
];

export interface ExemptionScope {
  /** An exemption lasts for life unless the citizen asks to have it lifted. */
  lifelong: boolean;
  /** On request, unopened Digital Post from this many months back is sent on paper. */
  forwardUnopenedMonths: number;
  /** From this day an exemption also exempts from many mandatory self-services … */
  selfServiceExemptionFrom: string;
}

/**
 * What an exemption from Digital Post covers. Udbetaling Danmark's self-services are the exception:
 * they need their own decision, which Borgerservice makes, so the form asks about them separately.
 */
export const digitalPostExemptionScope: DatedRule<ExemptionScope>[] = [
  {
    value: { lifelong: true, forwardUnopenedMonths: 6, selfServiceExemptionFrom: '2023-06-01' },
    // date: the self-service part applies from 1 June 2023; the other facts are older.
    from: '2023-06-01',
    source:
      'borger.dk "Fritagelse for Digital Post" and "Obligatorisk selvbetjening" (checked December 2026), in ' +
      'substance: the exemption applies for the rest of your life unless you ask to have it lifted; you can ask to ' +
      'have unopened Digital Post from the last 6 months sent on paper; since 1 June 2023 an exemption from Digital ' +
      'Post also exempts you from mandatory self-service, except at Udbetaling Danmark, which needs a separate ' +
      'decision made by Borgerservice; familieretshuset.dk and Ældre Sagen: you need not say which ground applies, ' +
      'and the municipality cannot ask for documentation; a relative or care staff may declare for a person who cannot.',
  },
];

export interface ReadAccessRules {
  /** The citizen who gives access and the person who reads must both be at least this old. */
  minimumAge: number;
}

/**
 * Access to another person's Digital Post ("læseadgang"): the reader uses their own MitID, can
 * read, file and forward, but not delete or change settings; some municipalities also give
 * read-and-write access. Giving access can lift the giver's own exemption from Digital Post.
 */
export const digitalPostReadAccess: DatedRule<ReadAccessRules>[] = [
  {
    value: { minimumAge: 15 },
    // date: approximate; as old as the Digital Post mailbox for citizens from 15 (digitalPostAge).
    from: '2010-07-01',
    source:
      'borger.dk "Giv andre adgang til din Digital Post" (checked December 2026), in substance: both must be 15 ' +
      'or older; the reader logs on with their own MitID; with read access they can read, file and forward ' +
      'messages, not delete them or change settings; vejle.dk and egedal.dk also offer read-and-write access ' +
      '("læse- og skriveadgang"); giving access at Borgerservice with ID and the reader\'s CPR number.',
  },
];
