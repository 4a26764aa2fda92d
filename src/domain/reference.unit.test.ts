import { describe, expect, it } from 'vitest';
import { isValidReference, newReference, normalizeReference } from './reference.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const sample = Array.from({ length: 200 }, () => newReference());

describe('reference', () => {
  it('is 12 Crockford symbols in three groups of four', () => {
    for (const reference of sample) expect(reference).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('carries 55 random bits: 11 symbols drawn from all 32, each from 5 bits of crypto randomness', () => {
    const seen = new Set(sample.flatMap((r) => [...r.replace(/-/g, '').slice(0, 11)]));
    expect(seen.size).toBe(32);
    expect(new Set(sample).size).toBe(sample.length);
    const fixed = newReference((bytes) => bytes.fill(0b11100001));
    expect(fixed.replace(/-/g, '').slice(0, 11)).toBe('11111111111');
  });

  it('validates its own references', () => {
    for (const reference of sample) expect(isValidReference(reference)).toBe(true);
  });

  it('catches every single-symbol error', () => {
    for (const reference of sample.slice(0, 40)) {
      const symbols = reference.replace(/-/g, '');
      for (let i = 0; i < symbols.length; i++) {
        for (const other of ALPHABET) {
          if (other === symbols[i]) continue;
          expect(isValidReference(symbols.slice(0, i) + other + symbols.slice(i + 1)), `${reference} with ${other} at ${i}`).toBe(false);
        }
      }
    }
  });

  it('catches every adjacent transposition, including 0 and Z which Luhn mod 32 misses', () => {
    // Exhaustive over the check's quasigroup: every pair of distinct symbols, swapped at every position.
    for (const a of ALPHABET) {
      for (const b of ALPHABET) {
        if (a === b) continue;
        for (let i = 0; i < 11; i++) {
          const body = newReference().replace(/-/g, '').split('');
          body[i] = a;
          body[i + 1] = b;
          const withCheck = valid(body.slice(0, 11).join('')).replace(/-/g, '');
          const swapped = withCheck.slice(0, i) + withCheck[i + 1] + withCheck[i] + withCheck.slice(i + 2);
          if (swapped !== withCheck) expect(isValidReference(swapped), `${withCheck} swapped at ${i}`).toBe(false);
        }
      }
    }
  });

  it('reads what a person types: lower case, no hyphens, spaces, O for 0, I and L for 1', () => {
    const reference = valid('10100000000');
    const typed = reference.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
    expect(normalizeReference(typed)).toBe(reference);
    expect(normalizeReference(reference.replace(/-/g, ''))).toBe(reference);
    expect(normalizeReference(reference.replace(/1/, 'I'))).toBe(reference);
  });

  it('refuses wrong lengths and symbols outside the alphabet', () => {
    const reference = sample[0];
    expect(isValidReference(reference.slice(0, -1))).toBe(false);
    expect(isValidReference(`${reference}0`)).toBe(false);
    expect(isValidReference(reference.replace(/.$/, 'U'))).toBe(false);
    expect(isValidReference('')).toBe(false);
  });
});

/** The valid reference whose first 11 symbols are these (its check symbol found by trying all 32). */
function valid(body: string): string {
  for (const check of ALPHABET) {
    const normalized = normalizeReference(body + check);
    if (normalized) return normalized;
  }
  throw new Error(`no check symbol for ${body}`);
}
