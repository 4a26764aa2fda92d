import type { DatedRule } from './dated.ts';

/**
 * The physical documents MitID accepts at Borgerservice for assurance level "substantial" (the
 * level most services ask for). Only the driving-licence app and the health-card app count in
 * digital form. Danish passports exist both with and without the CPR number printed.
 */
export const mitIdDocumentIds = [
  'danish-passport-with-cpr',
  'danish-passport-without-cpr',
  'danish-driving-licence',
  'residence-permit-with-cpr',
  'foreign-passport-or-id-card',
  'health-card',
  'cpr-certificate',
] as const;
export type MitIdDocumentId = (typeof mitIdDocumentIds)[number];

export interface MitIdDocument {
  id: MitIdDocumentId;
  /** 'photo-with-cpr' is enough alone; 'photo' needs a document that shows the CPR number; 'cpr' shows the CPR number only. */
  kind: 'photo-with-cpr' | 'photo' | 'cpr';
}

const source =
  'mitid.dk "Legitimation and documentation", assurance level substantial: "Driving license issued in Denmark ' +
  'or Greenland … Driving license app issued in Denmark … Passport with CPR-number issued in Denmark, Greenland ' +
  'or Faroe Islands … Residence Permit with picture and CPR number issued in Denmark"; alternatively "Passport ' +
  'without CPR-number issued in Denmark … Passport issued in another country … National identity card issued in ' +
  'another country … combined with" a document with the CPR number: "Health insurance card … or health insurance ' +
  'card app … Residence Certificate … Personal Certificate … Baptism Certificate … Birth Certificate"; ' +
  '"The documents must be valid. Temporary documentation cannot be used"';

export const mitIdDocumentRules: DatedRule<Record<MitIdDocumentId, MitIdDocument>>[] = [
  {
    value: {
      'danish-passport-with-cpr': { id: 'danish-passport-with-cpr', kind: 'photo-with-cpr' },
      'danish-passport-without-cpr': { id: 'danish-passport-without-cpr', kind: 'photo' },
      'danish-driving-licence': { id: 'danish-driving-licence', kind: 'photo-with-cpr' },
      'residence-permit-with-cpr': { id: 'residence-permit-with-cpr', kind: 'photo-with-cpr' },
      'foreign-passport-or-id-card': { id: 'foreign-passport-or-id-card', kind: 'photo' },
      'health-card': { id: 'health-card', kind: 'cpr' },
      'cpr-certificate': { id: 'cpr-certificate', kind: 'cpr' },
    },
    // date: approximate; the list is undated, checked December 2026. MitID at Borgerservice from 6 May 2021.
    from: '2021-05-06',
    source,
  },
];

/**
 * - 'enough': photo ID with the CPR number, or photo ID and a document that shows it;
 * - 'missing-cpr': photo ID, but nothing shows the CPR number;
 * - 'no-photo-id': no photo ID at all;
 * - 'nothing-ticked': no answer yet (the screen says nothing about it).
 */
export type MitIdDocumentsAssessment = 'enough' | 'missing-cpr' | 'no-photo-id' | 'nothing-ticked';

export function assessMitIdDocuments(held: readonly MitIdDocumentId[], rules: Record<MitIdDocumentId, MitIdDocument>): MitIdDocumentsAssessment {
  if (held.length === 0) return 'nothing-ticked';
  const kinds = new Set(held.map((id) => rules[id].kind));
  if (kinds.has('photo-with-cpr')) return 'enough';
  if (kinds.has('photo')) return kinds.has('cpr') ? 'enough' : 'missing-cpr';
  return 'no-photo-id';
}
