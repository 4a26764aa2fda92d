import { describe, expect, it } from 'vitest';
import { assistedBy, rescuedDraft } from './draft-shape.ts';

describe('rescuedDraft', () => {
  it('reads the fields a tablet sends, with the step counted from 1', () => {
    const answers = { name: 'Ida', witness: { name: 'Bo' } };
    expect(rescuedDraft({ formId: 'get-digital-id', formVersion: 2, stepIndex: 0, savedAt: '2026-11-23T10:00:00.000Z', staffUsername: 'anne', answers })).toEqual({
      formId: 'get-digital-id',
      formVersion: 2,
      step: 1,
      savedAt: '2026-11-23T10:00:00.000Z',
      staffUsername: 'anne',
      answers,
      other: {},
    });
  });

  it('keeps fields of an unexpected type, and unknown fields, in other instead of dropping them', () => {
    expect(rescuedDraft({ formId: 7, stepIndex: -1, savedAt: 'yesterday', staffUsername: '', extra: [1], answers: 'x' })).toEqual({
      answers: 'x',
      other: { formId: 7, stepIndex: -1, savedAt: 'yesterday', extra: [1] },
    });
  });

  it('never throws on data that is not a record', () => {
    expect(rescuedDraft(null)).toEqual({ answers: undefined, other: {} });
    expect(rescuedDraft(undefined)).toEqual({ answers: undefined, other: {} });
    expect(rescuedDraft('a string')).toEqual({ answers: undefined, other: { data: 'a string' } });
    expect(rescuedDraft([1, 2])).toEqual({ answers: undefined, other: { data: [1, 2] } });
    expect(rescuedDraft({})).toEqual({ answers: undefined, other: {} });
  });
});

describe('assistedBy', () => {
  it('names the staff member when the payload says who assisted', () => {
    expect(assistedBy({ assisted: true, assistedBy: ' anne ' })).toEqual({ assisted: true, by: 'anne' });
  });

  it('says assisted without a name when none or an odd one is given', () => {
    expect(assistedBy({ assisted: true })).toEqual({ assisted: true });
    expect(assistedBy({ assisted: true, assistedBy: 42 })).toEqual({ assisted: true });
    expect(assistedBy({ assisted: true, assistedBy: '  ' })).toEqual({ assisted: true });
  });

  it('is not assisted unless the flag is exactly true', () => {
    for (const payload of [undefined, {}, { assisted: false, assistedBy: 'anne' }, { assisted: 'true' }, { assisted: 1 }]) {
      expect(assistedBy(payload as { assisted?: unknown })).toEqual({ assisted: false });
    }
  });
});
