import type { DatedRule } from './dated.ts';
import type { LabelKey } from './labels.ts';

/** The ID documents the seeds name for ordering a digital ID at Borgerservice. */
export const documentIds = [
  'passport',
  'driving-licence',
  'baptism-or-name-certificate',
  'health-card',
  'tax-statement',
  'public-benefit-payment',
] as const;
export type DocumentId = (typeof documentIds)[number];

export interface IdDocument {
  id: DocumentId;
  /** 'photo' is valid photo ID on its own; 'secondary' counts towards the two-document route. */
  kind: 'photo' | 'secondary';
  /** Whether the document itself shows the CPR number. */
  showsCpr: boolean;
  labelKey: LabelKey;
  source: string;
}

const photoIdSource = 'seeds/002: "Man skal fremvise billedlegitimation i form af pas eller kørekort."';
const secondarySource =
  'seeds/000: "to af følgende: Dåbs/navneattest, sundhedskort, forskuds- eller årsopgørelse fra Skat"; ' +
  'seeds/002: "sundhedskortet og det andet kan være dåbs- eller navneattest, seneste årsopgørelse fra SKAT ' +
  'eller dokumentation for udbetaling af en offentlig ydelse"';

// showsCpr: the seeds only say that one of two documents must show it and give the health card as
// the example (seeds/002). Danish passports exist with and without the CPR number (mitid.dk lists
// both); this NemID list cannot tell them apart, so a passport is counted as not showing it and the
// citizen is told to bring one that does. MitID's own list (mitid-documents.ts) asks which passport.
// Danish driving licences and Skat's tax statements show it. Certificates and benefit letters vary, so they are counted as not
// showing it: the citizen is then told to bring one that does rather than risk a wasted trip.
export const idDocuments: Record<DocumentId, IdDocument> = {
  passport: { id: 'passport', kind: 'photo', showsCpr: false, labelKey: 'documents.passport', source: photoIdSource },
  'driving-licence': {
    id: 'driving-licence', kind: 'photo', showsCpr: true, labelKey: 'documents.driving-licence', source: photoIdSource,
  },
  'baptism-or-name-certificate': {
    id: 'baptism-or-name-certificate', kind: 'secondary', showsCpr: false,
    labelKey: 'documents.baptism-or-name-certificate', source: secondarySource,
  },
  'health-card': {
    id: 'health-card', kind: 'secondary', showsCpr: true, labelKey: 'documents.health-card',
    source: 'seeds/002: "hvoraf det ene skal indeholde cpr-nr. Det kan f.eks. være sundhedskortet"',
  },
  'tax-statement': {
    id: 'tax-statement', kind: 'secondary', showsCpr: true, labelKey: 'documents.tax-statement', source: secondarySource,
  },
  'public-benefit-payment': {
    id: 'public-benefit-payment', kind: 'secondary', showsCpr: false,
    labelKey: 'documents.public-benefit-payment', source: secondarySource,
  },
};

export interface DocumentRequirements {
  /** How many different secondary documents replace photo ID. */
  secondaryDocumentsNeeded: number;
  /** Whether the CPR number must appear on one of the documents shown. */
  cprMustBeShown: boolean;
}

/** NemID launched on 1 July 2010; the seeds do not date their rules, so seed rules start there. */
export const documentRequirements: DatedRule<DocumentRequirements>[] = [
  {
    value: { secondaryDocumentsNeeded: 2, cprMustBeShown: true },
    from: '2010-07-01',
    source:
      'seeds/002: "skal man medbringe 2 andre typer af legitimation, hvoraf det ene skal indeholde cpr-nr."; ' +
      'seeds/003: "Dit cpr-nummer skal fremgå af den valgte legitimation."',
  },
];
