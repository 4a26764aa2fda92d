import { notBeforeBirthCheck, notInFutureCheck } from '../engine/checks.ts';
import { holidayPay } from '#domain/rules/holiday-pay.ts';
import type { FormDefinition } from '../engine/types.ts';
import { firstHolidayDayCheck, lastWorkingDayRecentCheck, paidAutomaticallyValues, signerAgeCheck, signerAgeEntryCheck, signerValues } from './holiday-pay.checks.ts';

/**
 * Holiday pay ("feriepenge") without digital ID, schema version 3, as Udbetaling Danmark's paper
 * form asks it (src/domain/rules/holiday-pay.ts). Shipped versions 1 and 2 stay for queued requests.
 * Changes from v2:
 * - no bank account: the money goes to the citizen's NemKonto;
 * - two reasons only: taking holiday (the first day, at most the rule's month ahead, and the
 *   number of days), or having left the
 *   labour market (the last working day, within the rule's months, and why: old-age pension,
 *   early pension, emigration, or never in the CPR register);
 * - the form says that small amounts are paid without a request;
 * - a declaration on honour, signed by the young person from the rule's age, or by a parent who
 *   helps a child under it.
 */
// A schema cannot change with the day: this version keeps the days of the holiday year it was written for.
const holidayDaysLimit = holidayPay[0]!.value.daysPerHolidayYear;

export const holidayPayV3: FormDefinition = {
  id: 'holiday-pay',
  type: 'holiday-pay',
  schemaVersion: 3,
  steps: [
    {
      id: 'you',
      introKeys: ['intro.nemKonto', 'intro.automatic'],
      introValues: paidAutomaticallyValues,
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'cpr', kind: 'cpr', required: true, personal: true, hintKey: 'forms:hints.cpr' },
        { name: 'phone', kind: 'phone', required: false, personal: true, hintKey: 'forms:hints.phone' },
      ],
    },
    {
      id: 'reason',
      fields: [
        { name: 'reason', kind: 'choice', required: true, personal: false, options: [{ value: 'holiday' }, { value: 'leftLabourMarket' }] },
        { name: 'firstHolidayDay', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date', showIf: { field: 'reason', equals: 'holiday' }, errorKeys: { notEligible: 'fields.firstHolidayDay.notEligible' } },
        { name: 'holidayDays', kind: 'number', required: true, personal: false, min: 1, max: holidayDaysLimit, unitKey: 'forms:units.days', hintKey: 'fields.holidayDays.hint', showIf: { field: 'reason', equals: 'holiday' } },
        { name: 'lastWorkingDay', kind: 'date', required: true, personal: false, hintKey: 'forms:hints.date', showIf: { field: 'reason', equals: 'leftLabourMarket' }, errorKeys: { notEligible: 'fields.lastWorkingDay.notEligible' } },
        {
          name: 'leftBecause',
          kind: 'choice',
          required: true,
          personal: false,
          showIf: { field: 'reason', equals: 'leftLabourMarket' },
          options: [{ value: 'oldAgePension' }, { value: 'earlyPension' }, { value: 'emigration' }, { value: 'neverInCpr' }],
        },
      ],
    },
    {
      id: 'sign',
      introKeys: ['intro.signer'],
      introValues: signerValues,
      fields: [
        { name: 'signedBy', kind: 'choice', required: true, personal: false, options: [{ value: 'applicant' }, { value: 'parent' }], errorKeys: { notEligible: 'fields.signedBy.notEligible' } },
        { name: 'parentName', kind: 'text', required: true, personal: true, showIf: { field: 'signedBy', equals: 'parent' } },
        { name: 'declaration', kind: 'declaration', required: true, personal: false, labelKey: 'fields.declarationOnHonour.label' },
        { name: 'signature', kind: 'signature', required: true, personal: true },
      ],
    },
  ],
  checks: [notBeforeBirthCheck('firstHolidayDay'), firstHolidayDayCheck, notBeforeBirthCheck('lastWorkingDay'), notInFutureCheck('lastWorkingDay'), signerAgeCheck],
  entryChecks: [lastWorkingDayRecentCheck, signerAgeEntryCheck],
};
