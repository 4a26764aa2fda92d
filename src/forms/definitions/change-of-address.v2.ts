import { inCapitalArea, outsideCapitalArea } from '#domain/rules/doctor.ts';
import { distinctPeopleCheck, notBeforeBirthCheck } from '../engine/checks.ts';
import type { FormDefinition } from '../engine/types.ts';
import { doctorValues, movingDateCheck, moveValues, receiptValues } from './change-of-address.checks.ts';

/**
 * Change of address, schema version 2. Shipped: never edit; add a v3 file instead.
 * Changes from v1, for what a caseworker would otherwise send back:
 * - the moving date is checked against the reporting rule (src/domain/rules/moving.ts): not more
 *   than the rule's days ahead, nor before the citizen was born; a late report is accepted and the receipt mentions the fine;
 * - the people moving along are other people, each once (not the citizen's own CPR number);
 * - the doctor question follows the distance rule (src/domain/rules/doctor.ts): the citizen says
 *   whether the new home is farther from their doctor than the limit for the new postcode, and
 *   only then chooses (a new doctor, a named one, or keeping theirs);
 * - a declaration and a signature, as on the paper form.
 */
export const changeOfAddressV2: FormDefinition = {
  id: 'change-of-address',
  type: 'change-of-address',
  schemaVersion: 2,
  steps: [
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
        { name: 'phone', kind: 'phone', required: false, personal: true, hintKey: 'forms:hints.phone' },
      ],
    },
    {
      id: 'move',
      introKeys: ['moveIntro'],
      introValues: moveValues,
      fields: [
        { name: 'movingDate', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date', errorKeys: { notEligible: 'fields.movingDate.notEligible' } },
        { name: 'newAddress', kind: 'address', required: true, personal: true },
        { name: 'hasCareOf', kind: 'yes-no', required: true, personal: false },
        { name: 'careOf', kind: 'text', required: true, personal: true, showIf: { field: 'hasCareOf', equals: true } },
      ],
    },
    {
      id: 'others',
      fields: [
        { name: 'othersMoving', kind: 'yes-no', required: true, personal: false },
        {
          name: 'movers',
          kind: 'group',
          required: true,
          personal: true,
          maxRows: 10,
          showIf: { field: 'othersMoving', equals: true },
          fields: [
            { name: 'moverName', kind: 'text', required: true, personal: true },
            { name: 'moverCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.moverCpr.notEligible' } },
          ],
        },
      ],
    },
    {
      id: 'doctor',
      introKeys: ['doctorRule', 'doctorGroup'],
      introValues: doctorValues,
      fields: [
        // One question per distance limit, so that the label, the check page and the printed copy
        // all name the distance that applies to the new postcode.
        { name: 'doctorFar', kind: 'yes-no', required: true, personal: false, showIf: { field: 'newAddress.postcode', test: outsideCapitalArea } },
        { name: 'doctorFarCapital', kind: 'yes-no', required: true, personal: false, showIf: { field: 'newAddress.postcode', test: inCapitalArea } },
        {
          name: 'doctorChoice',
          kind: 'choice',
          required: true,
          personal: false,
          showIf: { any: [{ field: 'doctorFar', equals: true }, { field: 'doctorFarCapital', equals: true }] },
          hintKey: 'fields.doctorChoice.hint',
          options: [{ value: 'nearest' }, { value: 'named' }, { value: 'keep' }],
        },
        { name: 'doctorName', kind: 'text', required: true, personal: false, showIf: { field: 'doctorChoice', equals: 'named' } },
      ],
    },
    {
      id: 'sign',
      fields: [
        { name: 'declaration', kind: 'declaration', required: true, personal: false },
        { name: 'signature', kind: 'signature', required: true, personal: true },
      ],
    },
  ],
  receiptKeys: ['receipt.deadline'],
  receiptValues,
  checks: [movingDateCheck, notBeforeBirthCheck('movingDate'), distinctPeopleCheck('movers', 'moverCpr')],
};
