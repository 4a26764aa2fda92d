import { describe, expect, it } from 'vitest';
import { newPinProblems } from './new-pin.ts';

const fields = (pin: string, again: string) => newPinProblems(pin, again, 6).map((p) => [p.field, p.key]);

describe('newPinProblems', () => {
  it('accepts a good PIN typed twice the same', () => {
    expect(newPinProblems('246813', '246813', 6)).toEqual([]);
  });

  it('names the new PIN first, with the vault\'s rule and the minimum length', () => {
    expect(newPinProblems('', '', 6)).toEqual([{ field: 'pin-new', key: 'pin.errors.required', values: { min: 6 } }]);
    expect(fields('12345', '12345')).toEqual([['pin-new', 'pin.errors.too-short']]);
    expect(fields('123456', '123456')).toEqual([['pin-new', 'pin.errors.too-simple']]);
    expect(fields('241299', '241299')).toEqual([['pin-new', 'pin.errors.date-like']]);
  });

  it('then the repeat: missing, or different', () => {
    expect(fields('246813', '')).toEqual([['pin-again', 'pin.errors.againRequired']]);
    expect(fields('246813', '246814')).toEqual([['pin-again', 'pin.errors.mismatch']]);
  });
});
