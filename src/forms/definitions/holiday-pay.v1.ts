import type { FormDefinition } from '../engine/types.ts';

/**
 * Holiday pay payout ("feriepenge"), schema version 1. Shipped: never edit; add a v2 file instead.
 * Feriepenge are paid to the citizen's NemKonto; a citizen without one gives a bank account
 * (registration number: 4 digits, account number: up to 10 digits).
 */
export const holidayPayV1: FormDefinition = {
  id: 'holiday-pay',
  type: 'holiday-pay',
  schemaVersion: 1,
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
        { name: 'amountChoice', kind: 'choice', required: true, personal: false, options: [{ value: 'all' }, { value: 'days' }] },
        { name: 'days', kind: 'number', required: true, personal: false, min: 1, max: 30, showIf: { field: 'amountChoice', equals: 'days' } },
        { name: 'periodFrom', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date' },
        { name: 'periodTo', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date' },
      ],
    },
    {
      id: 'bank',
      fields: [
        { name: 'regNo', kind: 'text', required: true, personal: true, pattern: /^\d{4}$/, maxLength: 4, hintKey: 'fields.regNo.hint' },
        { name: 'accountNo', kind: 'text', required: true, personal: true, pattern: /^\d{1,10}$/, maxLength: 10, hintKey: 'fields.accountNo.hint' },
        { name: 'declaration', kind: 'declaration', required: true, personal: false },
      ],
    },
  ],
};
