import { distinctPeopleCheck, notBeforeBirthCheck, notInFutureCheck } from '../engine/checks.ts';
import type { FormDefinition } from '../engine/types.ts';
import { moveReportedCheck, receiptValuesV3 as receiptValues } from './housing-benefit.checks.ts';

/**
 * Housing benefit ("boligstøtte") without digital ID, schema version 3, as the municipality's paper
 * form and borger.dk describe it (src/domain/rules/housing.ts). Shipped versions 1 and 2 stay for
 * queued requests. Changes from v2:
 * - one applicant per household, and the move is reported first: the first step says so, and the
 *   form asks whether the citizen is registered at the address (a "no" is refused, with where to
 *   report the move);
 * - a moving-in date in the future is refused (benefit is processed from the day one moves in);
 * - the receipt says how long processing takes, from the rule data.
 */
export const housingBenefitV3: FormDefinition = {
  id: 'housing-benefit',
  type: 'housing-benefit',
  schemaVersion: 3,
  steps: [
    {
      id: 'you',
      introKeys: ['intro.oneApplicant'],
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
        { name: 'moveReported', kind: 'yes-no', required: true, personal: false, hintKey: 'fields.moveReported.hint', errorKeys: { notEligible: 'fields.moveReported.notEligible' } },
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
  receiptKeys: ['receipt.start', 'receipt.processing'],
  receiptValues,
  checks: [notBeforeBirthCheck('movedInDate'), notInFutureCheck('movedInDate'), moveReportedCheck, distinctPeopleCheck('members', 'memberCpr')],
};
