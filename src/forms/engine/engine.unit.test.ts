import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './types.ts';
import { toPayload } from './payload.ts';
import { validatePayload, validateStep } from './validate.ts';
import { formSchema, registerForm } from './schema.ts';
import { requestType, validateRequest } from '../registry.ts';
import { answerSections, formatPhone, receiptTexts } from './display.ts';
import { conditionHolds } from './conditions.ts';
import { daysInPeriod, distinctPeopleCheck, notBeforeBirthCheck, periodCheck } from './checks.ts';

const today = new Date('2026-11-23T12:00:00Z');

const form: FormDefinition = {
  id: 'test-form',
  type: 'test-form',
  schemaVersion: 1,
  steps: [
    {
      id: 'one',
      fields: [
        { name: 'name', kind: 'text', required: true, personal: true },
        { name: 'hasKids', kind: 'yes-no', required: true, personal: false },
        {
          name: 'kids',
          kind: 'group',
          required: true,
          personal: true,
          maxRows: 2,
          showIf: { field: 'hasKids', equals: true },
          fields: [
            { name: 'kidName', kind: 'text', required: true, personal: true },
            { name: 'kidCpr', kind: 'cpr', required: true, personal: true },
          ],
        },
      ],
    },
    {
      id: 'two',
      fields: [
        { name: 'phone', kind: 'phone', required: false, personal: true },
        { name: 'home', kind: 'address', required: true, personal: true },
        { name: 'born', kind: 'date', required: true, personal: true },
      ],
    },
  ],
};

const complete = {
  name: ' Karen ',
  hasKids: 'yes',
  kids: [{ kidName: 'Ida', kidCpr: '150515-2345' }],
  phone: '12 34 56 78',
  home: { street: 'Østergade', number: '12', floor: '', door: '', postcode: '8000', town: 'aarhus c' },
  born: { day: '1', month: '1', year: '1990' },
};

describe('form engine: payload', () => {
  it('normalises answers: trimmed text, booleans, CPR without hyphen, ISO dates, no empty parts', () => {
    expect(toPayload(form, complete, today)).toEqual({
      name: 'Karen',
      hasKids: true,
      kids: [{ kidName: 'Ida', kidCpr: '1505152345' }],
      phone: '12345678',
      home: { street: 'Østergade', number: '12', postcode: '8000', town: 'aarhus c' },
      born: '1990-01-01',
    });
  });

  it('leaves out a field whose condition does not hold, so a hidden field is never sent', () => {
    const payload = toPayload(form, { ...complete, hasKids: 'no' }, today);
    expect(payload).not.toHaveProperty('kids');
    expect(validatePayload(form, payload, today)).toEqual([]);
  });
});

describe('form engine: validation', () => {
  it('accepts a complete payload', () => {
    expect(validatePayload(form, toPayload(form, complete, today), today)).toEqual([]);
  });

  it('requires a shown field and not a hidden one', () => {
    const errors = validateStep(form, 0, toPayload(form, { hasKids: 'yes' }, today), today);
    expect(errors).toEqual([
      { path: 'name', code: 'required' },
      { path: 'kids', code: 'tooFewRows' },
    ]);
    expect(validateStep(form, 0, toPayload(form, { name: 'A', hasKids: 'no' }, today), today)).toEqual([]);
  });

  it('validates every row of a repeatable group and names the row in the path', () => {
    const payload = toPayload(form, { ...complete, kids: [{ kidName: 'Ida', kidCpr: '150515-2345' }, { kidName: '', kidCpr: '3113' }] }, today);
    expect(validateStep(form, 0, payload, today)).toEqual([
      { path: 'kids.1.kidName', code: 'required' },
      { path: 'kids.1.kidCpr', code: 'format' },
    ]);
  });

  it('refuses more rows than the group allows', () => {
    const row = { kidName: 'Ida', kidCpr: '150515-2345' };
    const payload = toPayload(form, { ...complete, kids: [row, row, row] }, today);
    expect(validateStep(form, 0, payload, today)).toEqual([{ path: 'kids', code: 'tooManyRows' }]);
  });

  it('checks the postcode against the town', () => {
    const wrongTown = toPayload(form, { ...complete, home: { ...complete.home, town: 'Odense C' } }, today);
    expect(validateStep(form, 1, wrongTown, today)).toEqual([{ path: 'home.town', code: 'postcodeTown' }]);
    const unknown = toPayload(form, { ...complete, home: { ...complete.home, postcode: '0999' } }, today);
    expect(validateStep(form, 1, unknown, today)).toEqual([{ path: 'home.postcode', code: 'postcodeUnknown' }]);
    const abbreviated = toPayload(form, { ...complete, home: { ...complete.home, postcode: '2800', town: 'Kgs. Lyngby' } }, today);
    expect(validateStep(form, 1, abbreviated, today)).toEqual([]);
  });

  it('names each missing part of a required address', () => {
    const payload = toPayload(form, { ...complete, home: { street: 'Østergade' } }, today);
    expect(validateStep(form, 1, payload, today).map((e) => e.path)).toEqual(['home.number', 'home.postcode', 'home.town']);
  });

  it('refuses an impossible date, a bad phone number and a CPR number with a future birth date', () => {
    const payload = toPayload(form, { ...complete, born: { day: '31', month: '2', year: '2000' }, phone: '1234' }, today);
    expect(validateStep(form, 1, payload, today)).toEqual([
      { path: 'phone', code: 'format' },
      { path: 'born', code: 'date' },
    ]);
    const future = toPayload(form, { ...complete, kids: [{ kidName: 'Ida', kidCpr: '010130-4000' }] }, today);
    expect(validateStep(form, 0, future, today)).toEqual([{ path: 'kids.0.kidCpr', code: 'future' }]);
  });

  it('holds a phone number to the field\'s own pattern, e.g. a Danish number only', () => {
    const danish: FormDefinition = { id: 'p', type: 'p', schemaVersion: 1, steps: [{ id: 'a', fields: [{ name: 'phone', kind: 'phone', required: true, personal: true, pattern: /^\d{8}$/ }] }] };
    expect(validatePayload(danish, { phone: '12345678' })).toEqual([]);
    expect(validatePayload(danish, { phone: '+4612345678' })).toEqual([{ path: 'phone', code: 'format' }]);
  });

  it('runs a form check on the fields of the step only, and not on a field that has its own error', () => {
    const checked: FormDefinition = {
      id: 'c',
      type: 'c',
      schemaVersion: 1,
      steps: [
        { id: 'a', fields: [{ name: 'age', kind: 'number', required: true, personal: false }] },
        { id: 'b', fields: [{ name: 'other', kind: 'text', required: false, personal: false }] },
      ],
      checks: [(data) => (typeof data.age === 'number' && data.age < 18 ? [{ path: 'age', code: 'notEligible', values: { min: '18' } }] : [])],
    };
    expect(validateStep(checked, 0, { age: 15 })).toEqual([{ path: 'age', code: 'notEligible', values: { min: '18' } }]);
    expect(validateStep(checked, 1, { age: 15 })).toEqual([]);
    expect(validatePayload(checked, { age: 15 })).toEqual([{ path: 'age', code: 'notEligible', values: { min: '18' } }]);
    expect(validatePayload(checked, { age: 'x' })).toEqual([{ path: 'age', code: 'format' }]);
    expect(validatePayload(checked, { age: 18 })).toEqual([]);
  });

  it('accepts a phone number with + and the country code', () => {
    const payload = toPayload(form, { ...complete, phone: '+46 70 123 45 67' }, today);
    expect(validateStep(form, 1, payload, today)).toEqual([]);
  });

  it('refuses a whole payload with a value for a hidden field or an unknown key', () => {
    const payload = { ...toPayload(form, { ...complete, hasKids: 'no' }, today), kids: [], extra: 'x' };
    expect(validatePayload(form, payload, today)).toEqual([
      { path: 'kids', code: 'notAllowed' },
      { path: 'extra', code: 'notAllowed' },
    ]);
  });
});

describe('form engine: schema and versions', () => {
  it('derives a valibot schema that reports the engine codes with their paths', () => {
    const result = v.safeParse(formSchema(form), { name: 'A', hasKids: true, kids: [{ kidName: '', kidCpr: '0101901234' }] });
    expect(result.success).toBe(false);
    expect(result.issues?.map((i) => [v.getDotPath(i), i.message])).toEqual([
      ['kids.0.kidName', 'required'],
      ['home.street', 'required'],
      ['home.number', 'required'],
      ['home.postcode', 'required'],
      ['home.town', 'required'],
      ['born', 'required'],
    ]);
  });

  it('still validates an envelope made with v1 after a v2 is added', () => {
    const v1: FormDefinition = { ...form, type: 'versioned-form' };
    registerForm(v1);
    const queuedWithV1 = toPayload(v1, complete, new Date());
    // v2 adds a required e-mail; the v1 schema is kept untouched.
    const v2: FormDefinition = {
      ...v1,
      schemaVersion: 2,
      steps: [...v1.steps, { id: 'three', fields: [{ name: 'email', kind: 'email', required: true, personal: true }] }],
    };
    registerForm(v1, v2);
    expect(requestType('versioned-form')?.current).toBe(2);
    expect(validateRequest('versioned-form', 1, queuedWithV1)).toEqual({ ok: true, data: queuedWithV1 });
    expect(validateRequest('versioned-form', 2, queuedWithV1)).toEqual({ ok: false, errors: [{ path: 'email', code: 'required' }] });
  });
});

describe('form engine: display', () => {
  const t = (key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`;

  it('masks every CPR number on screen and shows it in full only on the printed copy', () => {
    const payload = toPayload(form, complete, today);
    const onScreen = JSON.stringify(answerSections(form, payload, t, 'da'));
    expect(onScreen).not.toContain('1505152345');
    expect(onScreen).not.toContain('150515-2345');
    expect(onScreen).toContain('150515-XXXX');
    expect(JSON.stringify(answerSections(form, payload, t, 'da', { fullCpr: true }))).toContain('150515-2345');
  });

  const withInfo: FormDefinition = {
    id: 'info-form',
    type: 'info-form',
    schemaVersion: 1,
    steps: [
      { id: 'call-now', introKeys: ['callNow'], introValues: () => ({ phone: '1' }), fields: [] },
      { id: 'you', fields: [{ name: 'name', kind: 'text', required: true, personal: true }] },
    ],
    receiptKeys: ['receipt.where'],
    receiptValues: (day) => ({ day: day.toISOString().slice(0, 10) }),
  };

  it('lets an information-only step pass without answers and leaves it off the check page', () => {
    expect(validateStep(withInfo, 0, {}, today)).toEqual([]);
    expect(answerSections(withInfo, { name: 'Karen' }, t, 'da').map((s) => s.stepIndex)).toEqual([1]);
  });

  it('accepts a booked time as a date and a clock time, and shows it with its weekday', () => {
    const slotForm: FormDefinition = { id: 's', type: 's', schemaVersion: 1, steps: [{ id: 'a', fields: [{ name: 'time', kind: 'slot', required: true, personal: false }] }] };
    expect(validatePayload(slotForm, { time: '2026-11-26T10:15' })).toEqual([]);
    for (const bad of ['2026-11-26', '2026-02-30T10:00', '2026-11-26T24:00', '2026-11-26T10:15:00']) {
      expect(validatePayload(slotForm, { time: bad }), bad).toEqual([{ path: 'time', code: 'format' }]);
    }
    expect(validatePayload(slotForm, {})).toEqual([{ path: 'time', code: 'required' }]);
    expect(answerSections(slotForm, { time: '2026-11-26T10:15' }, t, 'da')[0]!.rows[0]!.lines).toEqual(['torsdag den 26. november 2026 kl. 10:15']);
    expect(answerSections(slotForm, { time: '2026-11-26T10:15' }, t, 'en')[0]!.rows[0]!.lines).toEqual(['Thursday, 26 November 2026 at 10:15']);
  });

  it('prints a number in the citizen\'s language with its unit', () => {
    const rent: FormDefinition = { id: 'r', type: 'r', schemaVersion: 1, steps: [{ id: 'a', fields: [{ name: 'rent', kind: 'number', required: true, personal: false, unitKey: 'forms:units.kroner' }] }] };
    const tr = (key: string) => (key === 'forms:units.kroner' ? 'kr.' : key);
    expect(answerSections(rent, { rent: 6500 }, tr, 'da')[0]!.rows[0]!.lines).toEqual(['6.500 kr.']);
    expect(answerSections(rent, { rent: 6500 }, tr, 'en')[0]!.rows[0]!.lines).toEqual(['6,500 kr.']);
  });

  it('fills the receipt texts with the values of the day the form was sent, dates in the citizen\'s language', () => {
    expect(receiptTexts(withInfo, t, today, { name: 'Karen' }, 'en')).toEqual([
      'form-info-form:receipt.where{"day":"Monday, 23 November 2026","answers":{"name":"Karen"}}',
    ]);
    expect(receiptTexts(form, t, today)).toEqual([]);
  });
});

describe('form engine: conditions from rule data', () => {
  it('tests a value inside an address, and holds when any of several conditions holds', () => {
    const data = { home: { postcode: '2100' }, a: false, b: true };
    expect(conditionHolds({ field: 'home.postcode', test: (p) => p === '2100' }, data)).toBe(true);
    expect(conditionHolds({ field: 'home.postcode', test: (p) => p === '8000' }, data)).toBe(false);
    expect(conditionHolds({ field: 'home.town.x', test: (p) => p === undefined }, data)).toBe(true);
    expect(conditionHolds({ any: [{ field: 'a', equals: true }, { field: 'b', equals: true }] }, data)).toBe(true);
    expect(conditionHolds({ any: [{ field: 'a', equals: true }] }, data)).toBe(false);
  });

  it('requires and sends a field shown by a test on another answer, and refuses it when hidden', () => {
    const byPostcode: FormDefinition = {
      id: 'pc',
      type: 'pc',
      schemaVersion: 1,
      steps: [
        {
          id: 'a',
          fields: [
            { name: 'home', kind: 'address', required: true, personal: true },
            { name: 'near', kind: 'yes-no', required: true, personal: false, showIf: { field: 'home.postcode', test: (p) => p === '2100' } },
          ],
        },
      ],
    };
    const copenhagen = { street: 'Vej', number: '1', postcode: '2100', town: 'København Ø' };
    const aarhus = { street: 'Vej', number: '1', postcode: '8000', town: 'Aarhus C' };
    expect(validatePayload(byPostcode, { home: copenhagen })).toEqual([{ path: 'near', code: 'required' }]);
    expect(validatePayload(byPostcode, { home: copenhagen, near: true })).toEqual([]);
    expect(validatePayload(byPostcode, { home: aarhus, near: true })).toEqual([{ path: 'near', code: 'notAllowed' }]);
    expect(toPayload(byPostcode, { home: aarhus, near: 'yes' })).not.toHaveProperty('near');
  });
});

describe('form engine: shared checks', () => {
  const people = distinctPeopleCheck('kids', 'kidCpr');

  it("refuses the citizen's own CPR number and a repeated one in a group, on the row that has it", () => {
    const data = { cpr: '0101901234', kids: [{ kidCpr: '1505152345' }, { kidCpr: '0101901234' }, { kidCpr: '1505152345' }, { kidCpr: 'x' }] };
    expect(people(data, today)).toEqual([
      { path: 'kids.1.kidCpr', code: 'notEligible', values: { context: 'self' } },
      { path: 'kids.2.kidCpr', code: 'notEligible', values: { context: 'repeated' } },
    ]);
    expect(people({ cpr: '0101901234', kids: [{ kidCpr: '1505152345' }, { kidCpr: '0202602345' }] }, today)).toEqual([]);
    expect(people({ kids: 'not rows' }, today)).toEqual([]);
  });

  it('refuses a period that ends before it starts, on the end date, and counts its days', () => {
    const period = periodCheck('from', 'to');
    expect(period({ from: '2026-07-07', to: '2026-07-01' }, today)).toEqual([{ path: 'to', code: 'notEligible', values: { context: 'beforeStart', from: '2026-07-07' } }]);
    expect(period({ from: '2026-07-01', to: '2026-07-01' }, today)).toEqual([]);
    expect(period({ from: '2026-07-01', to: 'x' }, today)).toEqual([]);
    expect(daysInPeriod('2026-07-01', '2026-07-07')).toBe(7);
    expect(daysInPeriod('2026-07-07', '2026-07-01')).toBeUndefined();
  });

  it('refuses a date before the citizen was born, read from the CPR number', () => {
    const born = notBeforeBirthCheck('moved');
    expect(born({ cpr: '0101901234', moved: '1989-12-31' }, today)).toEqual([{ path: 'moved', code: 'notEligible', values: { context: 'beforeBirth', born: '1990-01-01' } }]);
    expect(born({ cpr: '0101901234', moved: '1990-01-01' }, today)).toEqual([]);
    expect(born({ cpr: 'x', moved: '1900-01-01' }, today)).toEqual([]);
  });
});

describe('formatPhone', () => {
  it.each([
    ['12345678', '12 34 56 78'],
    ['+4512345678', '+45 12 34 56 78'],
    ['+46701234567', '+46701234567'],
  ])('shows %s as %s', (stored, shown) => expect(formatPhone(stored)).toBe(shown));
});
