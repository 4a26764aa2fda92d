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
