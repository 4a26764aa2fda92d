import { distinctPeopleCheck, notBeforeBirthCheck } from '../engine/checks.ts';
import type { FormDefinition } from '../engine/types.ts';
import { receiptValues } from './housing-benefit.checks.ts';

/**
 * Housing benefit ("boligstøtte"), schema version 2. Shipped: never edit; add a v3 file instead.
 * Changes from v1, for what a caseworker would otherwise send back: the people in the household
 * are other people, each once (not the applicant's own CPR number, no number twice); the moving-in
 * date is not before the applicant was born; and the application ends with a declaration and a
 * signature, as the paper application does. At most 10 people, as the shared message says (v1
 * allowed 12 and said 10). Rent, area and incomes keep v1's ranges (rent and
 * area at least 1, incomes not negative); the amounts are printed with their unit (kr., m²). The
 * receipt says from when benefit can be paid (src/domain/rules/housing.ts).
 */
export const housingBenefitV2: FormDefinition = {
  id: 'housing-benefit',
  type: 'housing-benefit',
  schemaVersion: 2,
  steps: [
    {
      id: 'you',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
        { name: 'phone', kind: 'phone', required: false, personal: true, hintKey: 'forms:hints.phone' },
        { name: 'email', kind: 'email', required: false, personal: true },
      ],
    },
    {
      id: 'home',
      fields: [
        { name: 'address', kind: 'address', required: true, personal: true },
        { name: 'housingType', kind: 'choice', required: true, personal: false, options: [{ value: 'rented' }, { value: 'cooperative' }, { value: 'room' }] },
        { name: 'movedInDate', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date', errorKeys: { notEligible: 'fields.movedInDate.notEligible' } },
        { name: 'rent', kind: 'number', required: true, personal: false, min: 1, max: 100_000, hintKey: 'fields.rent.hint', unitKey: 'forms:units.kroner' },
        { name: 'area', kind: 'number', required: true, personal: false, min: 1, max: 1000, hintKey: 'fields.area.hint', unitKey: 'forms:units.squareMetres' },
      ],
    },
    {
      id: 'household',
      fields: [
        { name: 'othersInHome', kind: 'yes-no', required: true, personal: false },
        {
          name: 'members',
          kind: 'group',
          required: true,
          personal: true,
          maxRows: 10,
          showIf: { field: 'othersInHome', equals: true },
          fields: [
            { name: 'memberName', kind: 'text', required: true, personal: true },
            { name: 'memberCpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr', errorKeys: { notEligible: 'fields.memberCpr.notEligible' } },
            { name: 'memberIncome', kind: 'number', required: true, personal: true, min: 0, max: 10_000_000, hintKey: 'fields.memberIncome.hint', unitKey: 'forms:units.kroner' },
          ],
        },
      ],
    },
    {
      id: 'income',
      fields: [
        { name: 'income', kind: 'number', required: true, personal: true, min: 0, max: 10_000_000, hintKey: 'fields.income.hint', unitKey: 'forms:units.kroner' },
        { name: 'assets', kind: 'yes-no', required: true, personal: true },
        { name: 'notes', kind: 'multi-line', required: false, personal: true },
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
  receiptKeys: ['receipt.start'],
  receiptValues,
  checks: [notBeforeBirthCheck('movedInDate'), distinctPeopleCheck('members', 'memberCpr')],
};
