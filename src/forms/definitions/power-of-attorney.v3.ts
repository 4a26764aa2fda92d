import { notInPastCheck, otherPersonCheck } from '../engine/checks.ts';
import type { FormDefinition } from '../engine/types.ts';
import { fuldmagtValues, giverAgeCheck, holderAgeCheck, oneHasMitIdCheck, receiptValues } from './power-of-attorney.checks.ts';

/**
 * Digital Fuldmagt, schema version 3, as borger.dk describes it (src/domain/rules/fuldmagt.ts).
 * Shipped versions 1 and 2 stay for queued requests. Changes from v2:
 * - one fuldmagt covers one self-service, named by the citizen (no "everything in public
 *   self-service", no areas); not every authority takes part, and the form says so;
 * - both people are at least the rule's age, and at least one of them has MitID; if the giver has
 *   none, the holder requests it and the giver signs the posted letter (the receipt says so);
 * - an end date that has passed is refused while the citizen answers.
 */
export const powerOfAttorneyV3: FormDefinition = {
  id: 'power-of-attorney',
  type: 'power-of-attorney',
  schemaVersion: 3,
  steps: [
    {
      id: 'you',
      introKeys: ['intro.who'],
      introValues: fuldmagtValues,
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.cpr.notEligible' } },
        { name: 'phone', kind: 'phone', required: false, personal: true, hintKey: 'forms:hints.phone' },
        { name: 'hasMitId', kind: 'yes-no', required: true, personal: false },
      ],
    },
    {
      id: 'attorney',
      introKeys: ['attorneyIntro'],
      fields: [
        { name: 'attorneyName', kind: 'text', required: true, personal: true },
        { name: 'attorneyCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.attorneyCpr.notEligible' } },
        { name: 'relation', kind: 'choice', required: true, personal: false, options: [{ value: 'spouse' }, { value: 'child' }, { value: 'parent' }, { value: 'sibling' }, { value: 'other' }] },
        { name: 'attorneyHasMitId', kind: 'yes-no', required: true, personal: false, errorKeys: { notEligible: 'fields.attorneyHasMitId.notEligible' } },
      ],
    },
    {
      id: 'selfService',
      introKeys: ['selfServiceIntro'],
      fields: [
        { name: 'selfService', kind: 'text', required: true, personal: false, maxLength: 200, hintKey: 'fields.selfService.hint' },
        { name: 'hasEndDate', kind: 'yes-no', required: true, personal: false },
        { name: 'endDate', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date', showIf: { field: 'hasEndDate', equals: true }, errorKeys: { notEligible: 'fields.endDate.notEligible' } },
      ],
    },
    {
      id: 'sign',
      fields: [
        { name: 'declaration', kind: 'declaration', required: true, personal: false, labelKey: 'fields.declarationOneSelfService.label' },
        { name: 'signature', kind: 'signature', required: true, personal: true },
      ],
    },
  ],
  receiptKeys: ['receipt.next'],
  receiptValues,
  checks: [giverAgeCheck, holderAgeCheck, otherPersonCheck('attorneyCpr'), oneHasMitIdCheck],
  entryChecks: [notInPastCheck('endDate')],
};
