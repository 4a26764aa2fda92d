import { keyCardOptions, mitIdAuthenticators } from '#domain/rules/authenticators.ts';
import { documentIds, idDocuments } from '#domain/rules/documents.ts';
import type { FormDefinition } from '../engine/types.ts';
import { ageCheck, documentsCheck, receiptValues, routeCheck, witnessCheck } from './get-digital-id.checks.ts';

const rulesOption = (id: string, labelKey: string) => ({ value: id, labelKey: `rules:${labelKey}` });
const needsDanishPhone = keyCardOptions.filter((o) => o.needsDanishPhone).map((o) => o.id);

/**
 * Get NemID or MitID at Borgerservice, schema version 1. Shipped: never edit; add a v2 file
 * instead. The kiosk prepares the case: the age limit, the documents and the route (today with
 * control questions or a witness, or posted) come from src/domain/eligibility.ts through the
 * checks in get-digital-id.checks.ts; staff see the documents and the witness at the counter.
 */
export const getDigitalIdV1: FormDefinition = {
  id: 'get-digital-id',
  type: 'get-digital-id',
  schemaVersion: 1,
  steps: [
    {
      id: 'who',
      fields: [
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
      ],
    },
    {
      id: 'address',
      fields: [
        { name: 'hasFixedAddress', kind: 'yes-no', required: true, personal: false },
        { name: 'postalAddress', kind: 'address', required: true, personal: true, showIf: { field: 'hasFixedAddress', equals: false } },
      ],
    },
    {
      id: 'documents',
      fields: [
        {
          name: 'documents',
          kind: 'multi-choice',
          required: true,
          personal: false,
          options: documentIds.map((id) => rulesOption(id, idDocuments[id].labelKey)),
          errorKeys: { notEligible: 'fields.documents.notEnough' },
        },
      ],
    },
    {
      id: 'confirm',
      fields: [
        {
          name: 'confirmBy',
          kind: 'choice',
          required: true,
          personal: false,
          options: [{ value: 'questions' }, { value: 'witness' }, { value: 'post' }],
          errorKeys: { notEligible: 'fields.confirmBy.needsWitness' },
        },
        { name: 'witnessName', kind: 'text', required: true, personal: true, showIf: { field: 'confirmBy', equals: 'witness' } },
        {
          name: 'witnessCpr',
          kind: 'cpr',
          required: true,
          personal: true,
          hintKey: 'forms:hints.cpr',
          errorKeys: { notEligible: 'fields.witnessCpr.tooYoung' },
          showIf: { field: 'confirmBy', equals: 'witness' },
        },
        { name: 'witnessPhotoId', kind: 'declaration', required: true, personal: false, showIf: { field: 'confirmBy', equals: 'witness' } },
        { name: 'witnessDeclaration', kind: 'declaration', required: true, personal: false, showIf: { field: 'confirmBy', equals: 'witness' } },
      ],
    },
    {
      id: 'authenticator',
      fields: [
        {
          name: 'keyCard',
          kind: 'choice',
          required: true,
          personal: false,
          options: keyCardOptions.map((o) => rulesOption(o.id, o.labelKey)),
          showIf: { field: 'scheme', equals: 'nemid' },
        },
        {
          name: 'voicePhone',
          kind: 'phone',
          required: true,
          personal: true,
          hintKey: 'fields.voicePhone.hint',
          pattern: /^\d{8}$/,
          errorKeys: { format: 'fields.voicePhone.danishOnly' },
          showIf: { field: 'keyCard', equals: needsDanishPhone },
        },
        {
          name: 'authenticators',
          kind: 'multi-choice',
          required: true,
          personal: false,
          options: mitIdAuthenticators.map((a) => rulesOption(a.id, a.labelKey)),
          showIf: { field: 'scheme', equals: 'mitid' },
        },
      ],
    },
  ],
  checks: [ageCheck, documentsCheck, routeCheck, witnessCheck],
  receiptKeys: ['receipt.next'],
  receiptValues,
};
