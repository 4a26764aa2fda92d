import { periodCheck } from '../engine/checks.ts';
import type { FormDefinition } from '../engine/types.ts';
import { daysWithinPeriodCheck } from './holiday-pay.checks.ts';

/**
 * Holiday pay payout ("feriepenge"), schema version 2. Shipped: never edit; add a v3 file instead.
 * Changes from v1, for what a caseworker would otherwise send back: the period ends on or after
 * its start; the number of days fits in the period; and the request is signed, as a payout to a
 * bank account is on paper. The dates are on the same screen as the days, before the days.
 */
export const holidayPayV2: FormDefinition = {
  id: 'holiday-pay',
  type: 'holiday-pay',
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
      id: 'payout',
      fields: [
        { name: 'reason', kind: 'choice', required: true, personal: false, options: [{ value: 'holiday' }, { value: 'leavingLabourMarket' }, { value: 'movingAbroad' }, { value: 'other' }] },
        { name: 'periodFrom', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date' },
        { name: 'periodTo', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date', errorKeys: { notEligible: 'fields.periodTo.notEligible' } },
        { name: 'amountChoice', kind: 'choice', required: true, personal: false, options: [{ value: 'all' }, { value: 'days' }] },
        { name: 'days', kind: 'number', required: true, personal: false, min: 1, max: 30, unitKey: 'forms:units.days', showIf: { field: 'amountChoice', equals: 'days' }, errorKeys: { notEligible: 'fields.days.notEligible' } },
      ],
    },
    {
      id: 'bank',
      fields: [
        { name: 'regNo', kind: 'text', required: true, personal: true, pattern: /^\d{4}$/, maxLength: 4, hintKey: 'fields.regNo.hint' },
        { name: 'accountNo', kind: 'text', required: true, personal: true, pattern: /^\d{1,10}$/, maxLength: 10, hintKey: 'fields.accountNo.hint' },
        { name: 'declaration', kind: 'declaration', required: true, personal: false },
        { name: 'signature', kind: 'signature', required: true, personal: true },
      ],
    },
  ],
  checks: [periodCheck('periodFrom', 'periodTo'), daysWithinPeriodCheck],
};
