import { describe, expect, it } from 'vitest';
import { newReference } from '#domain/reference.ts';
import { interpretSearch } from './search-query.ts';

describe('the inbox search field', () => {
  it('reads a reference in any spelling as the reference', () => {
    // A reference with a digit: a digitless one is taken as such only with its hyphens.
    let reference = newReference();
    while (!/\d/.test(reference)) reference = newReference();
    for (const typed of [reference, reference.replace(/-/g, ''), reference.toLowerCase(), ` ${reference.replace(/-/g, ' ')} `]) {
      expect(interpretSearch(typed)).toEqual({ kind: 'reference', value: reference });
    }
  });

  it('reads ten digits as a CPR number', () => {
    expect(interpretSearch('010190-1234')).toEqual({ kind: 'cpr', value: '0101901234' });
    expect(interpretSearch('0101901234')).toEqual({ kind: 'cpr', value: '0101901234' });
  });

  it('keeps a reference-shaped text with a wrong check symbol a reference, so the server can say so', () => {
    const reference = newReference();
    const wrong = reference.slice(0, -1) + (reference.endsWith('0') ? '1' : '0');
    expect(interpretSearch(wrong)).toEqual({ kind: 'reference', value: wrong });
  });

  it('reads a twelve-letter name as a name even when it happens to pass the check', () => {
    expect(interpretSearch('Christiansen')?.kind).toBe('q');
  });

  it('reads anything else as a name, and nothing as no search', () => {
    expect(interpretSearch('Søren Østergård')).toEqual({ kind: 'q', value: 'Søren Østergård' });
    expect(interpretSearch('   ')).toBeUndefined();
  });
});
