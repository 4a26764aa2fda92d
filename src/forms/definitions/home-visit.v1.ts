import { idDocuments } from '#domain/rules/documents.ts';
import type { FormDefinition } from '../engine/types.ts';
import {
  citizenAgeCheck,
  documentsIntroValues,
  homeVisitDocumentIds,
  homeVisitDocumentsCheck,
  homeVisitWitnessCheck,
  visitDateCheck,
  witnessIntroValues,
} from './home-visit.checks.ts';

/**
 * The temporary password letter's serial number, as typed from the letter: the seeds give no
 * format, so this accepts 6 to 20 letters and digits (at least one digit), with single spaces or
 * hyphens between groups, and refuses what is surely a typing slip (a name, a lone word).
 */
export const LETTER_SERIAL_PATTERN = /^(?=.*\d)(?=(?:[ -]?[A-Za-z0-9]){6,20}$)[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$/;
const LETTER_SERIAL_MAX = 24;

/**
 * Home-visit identification ("udkørende identifikation", seeds/003 "Hvis du ikke kan forlade dit
 * hjem"; docs/rules.md), schema version 1, filled in by staff on a tablet at the
 * citizen's home: the citizen and why they cannot come in, the documents seen (no passport or
 * driving licence, so two others, one with the CPR number), the witness with a declaration on
 * honour signed on the screen, and what was handed over. Queued for completion at the office.
 * Staff only: not in the kiosk catalogue (catalog.ts staffOnlyFormIds). Shipped: never edit.
 */
export const homeVisitV1: FormDefinition = {
  id: 'home-visit',
  type: 'home-visit',
  schemaVersion: 1,
  steps: [
    {
      id: 'citizen',
      fields: [
        { name: 'visitDate', kind: 'date', required: true, personal: false, errorKeys: { notEligible: 'fields.visitDate.outOfRange' } },
        {
          name: 'scheme',
          kind: 'choice',
          required: true,
          personal: false,
          options: [
            { value: 'mitid', offeredIn: (c) => c.schemes.mitid },
            { value: 'nemid', offeredIn: (c) => c.schemes.nemid },
          ],
        },
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.cpr.tooYoung' } },
        { name: 'registeredAddress', kind: 'address', required: true, personal: true },
        { name: 'phone', kind: 'phone', required: false, personal: true, hintKey: 'forms:hints.phone' },
      ],
    },
    {
      id: 'reason',
      fields: [
        { name: 'noPassportOrLicence', kind: 'declaration', required: true, personal: false },
        {
          name: 'whyNotIn',
          kind: 'choice',
          required: true,
          personal: true,
          options: [{ value: 'illness' }, { value: 'disability' }, { value: 'care-home' }, { value: 'other' }],
        },
        { name: 'whyNotInDetails', kind: 'multi-line', required: true, personal: true, maxLength: 1000 },
      ],
    },
    {
      id: 'documents',
      introKeys: ['intro.documents'],
      introValues: documentsIntroValues,
      fields: [
        {
          name: 'documents',
          kind: 'multi-choice',
          required: true,
          personal: false,
          options: homeVisitDocumentIds.map((id) => ({ value: id, labelKey: `rules:${idDocuments[id].labelKey}` })),
          errorKeys: { notEligible: 'fields.documents.notEnough' },
        },
      ],
    },
    {
      id: 'witness',
      introKeys: ['intro.witness', 'intro.witnessMitid'],
      introValues: witnessIntroValues,
      fields: [
        { name: 'witnessName', kind: 'text', required: true, personal: true },
        { name: 'witnessCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.witnessCpr.tooYoung' } },
        { name: 'witnessPhotoId', kind: 'declaration', required: true, personal: false },
        { name: 'witnessMitIdRules', kind: 'declaration', required: true, personal: false, showIf: { field: 'scheme', equals: 'mitid' } },
        { name: 'witnessDeclaration', kind: 'declaration', required: true, personal: false },
        { name: 'witnessSignature', kind: 'signature', required: true, personal: true },
      ],
    },
    {
      id: 'handover',
      fields: [
        {
          name: 'letterSerial',
          kind: 'text',
          required: true,
          personal: false,
          maxLength: LETTER_SERIAL_MAX,
          pattern: LETTER_SERIAL_PATTERN,
          hintKey: 'fields.letterSerial.hint',
          errorKeys: { format: 'fields.letterSerial.format' },
        },
        { name: 'nemidRulesHandedOver', kind: 'declaration', required: true, personal: false, showIf: { field: 'scheme', equals: 'nemid' } },
        { name: 'mitidRulesHandedOver', kind: 'declaration', required: true, personal: false, showIf: { field: 'scheme', equals: 'mitid' } },
      ],
    },
  ],
  checks: [visitDateCheck, citizenAgeCheck, homeVisitDocumentsCheck, homeVisitWitnessCheck],
  receiptKeys: ['receipt.next'],
};
