import { describe, expect, it } from 'vitest';
import { newPinProblem } from './pin-strength.ts';

describe('choosing a new PIN', () => {
  it.each(['111111', '000000', '999999', '121212', '123123', '12341234', '123456', '654321', '234567', '890123', '0123456789', '112233', '147258'])(
    'refuses %s as too simple',
    (pin) => expect(newPinProblem(pin)).toBe('too-simple'),
  );

  it.each(['010190', '311299', '290200', '24121985', '19851224'])('refuses %s as looking like a date', (pin) => {
    expect(newPinProblem(pin)).toBe('date-like');
  });

  it.each(['246813', '482916', '739264', '300290', '29022001', '4829163'])('accepts %s', (pin) => {
    expect(newPinProblem(pin)).toBeUndefined();
  });

  it('still says first when a PIN is too short or not digits', () => {
    expect(newPinProblem('1111')).toBe('too-short');
    expect(newPinProblem('12345a')).toBe('not-digits');
  });
});
