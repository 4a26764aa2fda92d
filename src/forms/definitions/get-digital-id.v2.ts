import { keyCardOptions, mitIdAuthenticators } from '#domain/rules/authenticators.ts';
import { documentIds, idDocuments } from '#domain/rules/documents.ts';
import { mitIdDocumentIds } from '#domain/rules/mitid-documents.ts';
import { nemIdOrderable } from '#domain/rules/nemid-status.ts';
import type { FormDefinition } from '../engine/types.ts';
import { ageCheck, documentsCheck, routeCheck, witnessCheck } from './get-digital-id.checks.ts';
import {
  authenticatorValues,
  mitIdDocumentsCheck,
  mitIdRouteCheck,
  ownUseCheck,
  receiptValuesV2,
  witnessValues,
} from './get-digital-id.v2.checks.ts';

const rulesOption = (id: string, labelKey: string) => ({ value: id, labelKey: `rules:${labelKey}` });
const needsDanishPhone = keyCardOptions.filter((o) => o.needsDanishPhone).map((o) => o.id);
// NemID is offered on the day only while it could be ordered (rules/nemid-status.ts), whatever the
// configuration says. The server does not refuse it by the day: a request queued offline reaches the
// server later, and checks against the day refuse only the future.
const nemIdOffered = (schemeOn: boolean) => schemeOn && nemIdOrderable(new Date());

/**
 * Get NemID or MitID at Borgerservice, schema version 2. Shipped: never edit; add a v3 file instead.
 * Beside version 1 it follows MitID's own rules: NemID only while it could be ordered, MitID's
 * document list (physical documents; passports with or without the CPR number), the witness rules
 * shown in the witness step, the user ID the citizen prepares, the refusal of MitID to someone who
 * cannot use it without help, and "send it to my address" only for NemID.
 */
export const getDigitalIdV2: FormDefinition = {
  id: 'get-digital-id',
  type: 'get-digital-id',
  schemaVersion: 2,
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
            { value: 'nemid', offeredIn: (c) => nemIdOffered(c.schemes.nemid) },
          ],
        },
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.cpr.tooYoung' } },
        {
          name: 'canUseAlone',
          kind: 'yes-no',
          required: true,
          personal: false,
          hintKey: 'fields.canUseAlone.hint',
          showIf: { field: 'scheme', equals: 'mitid' },
          errorKeys: { notEligible: 'fields.canUseAlone.refused' },
        },
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
          showIf: { field: 'scheme', equals: 'nemid' },
          errorKeys: { notEligible: 'fields.documents.notEnough' },
        },
        {
          name: 'mitIdDocuments',
          kind: 'multi-choice',
          required: true,
          personal: false,
          hintKey: 'fields.mitIdDocuments.hint',
          options: mitIdDocumentIds.map((id) => rulesOption(id, `mitIdDocuments.${id}`)),
          showIf: { field: 'scheme', equals: 'mitid' },
          errorKeys: { notEligible: 'fields.mitIdDocuments.notEnough' },
        },
      ],
    },
    {
      id: 'confirm',
      introKeys: ['witnessRules'],
      introValues: witnessValues,
      fields: [
        {
          name: 'confirmBy',
          kind: 'choice',
          required: true,
          personal: false,
          // Posting is a NemID route only: not offered once NemID cannot be ordered.
          options: [{ value: 'questions' }, { value: 'witness' }, { value: 'post', offeredIn: (c) => nemIdOffered(c.schemes.nemid) }],
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
      introKeys: ['authenticatorIntro'],
      introValues: authenticatorValues,
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
        { name: 'userIdReady', kind: 'declaration', required: true, personal: false, showIf: { field: 'scheme', equals: 'mitid' } },
      ],
    },
  ],
  checks: [ageCheck, ownUseCheck, documentsCheck, mitIdDocumentsCheck, routeCheck, mitIdRouteCheck, witnessCheck],
  receiptKeys: ['receipt.next'],
  receiptValues: receiptValuesV2,
};
