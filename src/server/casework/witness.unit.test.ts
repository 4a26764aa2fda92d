import { describe, expect, it } from 'vitest';
import { witnessCprOf } from './witness-index.ts';
import { witnessCheck, witnessLimitOn, witnessWindowStart } from './witness-rule.ts';

describe('witness register rule', () => {
  it('flags the fourth time within 120 days, not the third', () => {
    const limit = witnessLimitOn(new Date('2026-06-01T10:00:00Z'))!;
    expect(limit).toEqual({ times: 3, withinDays: 120 });
    expect(witnessCheck(3, limit).flagged).toBe(false);
    expect(witnessCheck(4, limit)).toEqual({ seen: 4, times: 3, withinDays: 120, flagged: true });
  });

  it('counts from exactly 120 days before the case', () => {
    expect(witnessWindowStart(new Date('2026-06-01T10:00:00.000Z'), 120)).toBe('2026-02-01T10:00:00.000Z');
  });

  it('has no limit before MitID brought one in', () => {
    expect(witnessLimitOn(new Date('2020-01-01T10:00:00Z'))).toBeUndefined();
    expect(witnessLimitOn(new Date('not a date'))).toBeUndefined();
  });

  it('reads the witness CPR number only from request types with a witness', () => {
    expect(witnessCprOf({ type: 'home-visit', data: { witnessCpr: '020270-2345' } })).toBe('0202702345');
    expect(witnessCprOf({ type: 'get-digital-id', data: { witnessCpr: '0202602345' } })).toBe('0202602345');
    expect(witnessCprOf({ type: 'get-digital-id', data: { confirmBy: 'questions' } })).toBeUndefined();
    expect(witnessCprOf({ type: 'complaint', data: { witnessCpr: '0202602345' } })).toBeUndefined();
    expect(witnessCprOf({ type: 'home-visit', data: null })).toBeUndefined();
  });
});
