import { describe, expect, it } from 'vitest';
import { cprDigits, nameTokens } from './name-tokens.ts';

describe('name tokens', () => {
  it('lower-cases, splits on anything but letters and digits, and drops repeats', () => {
    expect(nameTokens("Hans-Peter O'Neil  Hans")).toEqual(['hans', 'peter', 'o', 'neil']);
  });

  it('keeps æ, ø and å, however å was typed, and folds other diacritics', () => {
    expect(nameTokens('Søren ÆRØ Ågård')).toEqual(['søren', 'ærø', 'ågård']);
    expect(nameTokens('A\u030Agard')).toEqual(['ågard']);
    expect(nameTokens('Zoë Müller José')).toEqual(['zoe', 'muller', 'jose']);
  });

  it('answers nothing for text without letters or digits', () => {
    expect(nameTokens(' -- ')).toEqual([]);
  });
});

describe('CPR digits', () => {
  it('accepts ten digits with or without the hyphen or a space', () => {
    expect(cprDigits('010190-1234')).toBe('0101901234');
    expect(cprDigits('010190 1234')).toBe('0101901234');
    expect(cprDigits('0101901234')).toBe('0101901234');
  });

  it('refuses anything else', () => {
    expect(cprDigits('01019012345')).toBeUndefined();
    expect(cprDigits('0101901a34')).toBeUndefined();
  });
});
