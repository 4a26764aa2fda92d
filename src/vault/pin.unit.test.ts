import { describe, expect, it } from 'vitest';
import { MAX_WRONG_PINS, MIN_PIN_LENGTH, pinProblem } from './pin.ts';

describe('pinProblem', () => {
  it('keeps the tablet\'s PIN limits', () => {
    expect(MIN_PIN_LENGTH).toBe(6);
    expect(MAX_WRONG_PINS).toBe(5);
  });

  it.each(['123456', '000000', '98765432109'])('accepts %s', (pin) => {
    expect(pinProblem(pin)).toBeUndefined();
  });

  it.each(['', '1', '12345'])('finds %j too short', (pin) => {
    expect(pinProblem(pin)).toBe('too-short');
  });

  it.each(['12345a', '123 456', '١٢٣٤٥٦', '12345.6', '-123456', '1'.repeat(33)])('finds %j not digits', (pin) => {
    expect(pinProblem(pin)).toBe('not-digits');
  });
});
