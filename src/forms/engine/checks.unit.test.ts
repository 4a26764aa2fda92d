import { describe, expect, it } from 'vitest';
import { minimumAgeCheck, notInFutureCheck, notInPastCheck } from './checks.ts';
import { validatePayload, validateStep } from './validate.ts';
import type { FormDefinition } from './types.ts';

// Born 5 December 2011 (7th digit 4, YY 11: the 2000s); turns 15 on 5 December 2026.
const turns15On5December2026 = '0512114321';
const fifteen = () => 15;

describe('minimumAgeCheck', () => {
  const check = minimumAgeCheck('readerCpr', fifteen);

  it('refuses a person the day before they turn 15, with the age and the day they reach it', () => {
    expect(check({ readerCpr: turns15On5December2026 }, new Date('2026-12-04T12:00:00Z'))).toEqual([
      { path: 'readerCpr', code: 'notEligible', values: { context: 'tooYoung', age: '15', date: '2026-12-05' } },
    ]);
  });

  it('accepts a person on the day they turn 15', () => {
    expect(check({ readerCpr: turns15On5December2026 }, new Date('2026-12-05T12:00:00Z'))).toEqual([]);
  });

  it('counts the Copenhagen calendar date, not UTC: 00:30 in Copenhagen is already the birthday', () => {
    // 23:30 UTC on 4 December is 00:30 on 5 December in Copenhagen (CET, UTC+1).
    expect(check({ readerCpr: turns15On5December2026 }, new Date('2026-12-04T23:30:00Z'))).toEqual([]);
    // 22:59 UTC is 23:59 on 4 December in Copenhagen.
    expect(check({ readerCpr: turns15On5December2026 }, new Date('2026-12-04T22:59:00Z'))).toHaveLength(1);
  });

  it('says nothing while the CPR number is missing or invalid: the field reports that first', () => {
    expect(check({}, new Date('2026-12-04T12:00:00Z'))).toEqual([]);
    expect(check({ readerCpr: '3213114321' }, new Date('2026-12-04T12:00:00Z'))).toEqual([]);
  });
});

describe('date plausibility against the day', () => {
  const today = new Date('2026-12-04T12:00:00Z');

  it('refuses a date after today where the date cannot lie ahead, and accepts today', () => {
    const check = notInFutureCheck('movedInDate');
    expect(check({ movedInDate: '2026-12-04' }, today)).toEqual([]);
    expect(check({ movedInDate: '2026-12-05' }, today)).toEqual([{ path: 'movedInDate', code: 'notEligible', values: { context: 'future', today: '2026-12-04' } }]);
  });

  it('refuses a date before today where the date must not have passed, and accepts today', () => {
    const check = notInPastCheck('endDate');
    expect(check({ endDate: '2026-12-04' }, today)).toEqual([]);
    expect(check({ endDate: '2026-12-03' }, today)).toEqual([{ path: 'endDate', code: 'notEligible', values: { context: 'past', today: '2026-12-04' } }]);
    expect(check({ endDate: '2020-01-01' }, today)).toHaveLength(1);
  });
});

describe('entry checks', () => {
  const form: FormDefinition = {
    id: 'test',
    type: 'test',
    schemaVersion: 1,
    steps: [{ id: 'only', fields: [{ name: 'endDate', kind: 'date', required: true, personal: false }] }],
    entryChecks: [notInPastCheck('endDate')],
  };

  it('refuse a passed end date while the citizen answers, but not on a queued payload that arrives after it', () => {
    const answeredOn = new Date('2026-12-04T12:00:00Z');
    expect(validateStep(form, 0, { endDate: '2026-12-06' }, answeredOn)).toEqual([]);
    expect(validateStep(form, 0, { endDate: '2026-12-03' }, answeredOn)).toHaveLength(1);
    // The same request reaches the server a week later: the end date has passed, and it is still accepted.
    expect(validatePayload(form, { endDate: '2026-12-06' }, new Date('2026-12-11T12:00:00Z'))).toEqual([]);
  });
});
