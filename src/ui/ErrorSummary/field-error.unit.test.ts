import { describe, expect, it } from 'vitest';
import { errorFor } from './field-error.ts';

describe('errorFor', () => {
  const errors = [{ field: 'name', message: 'Skriv dit navn' }, { field: 'cpr', message: 'Tjek CPR-nummeret' }];

  it('finds the message for a field', () => {
    expect(errorFor(errors, 'cpr')).toBe('Tjek CPR-nummeret');
  });

  it('is undefined for a field without a problem', () => {
    expect(errorFor(errors, 'email')).toBeUndefined();
  });
});
