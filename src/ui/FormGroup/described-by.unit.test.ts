import { describe, expect, it } from 'vitest';
import { describedBy, errorIdOf, hintIdOf } from './described-by.ts';

describe('describedBy', () => {
  it('names the hint, then the error', () => {
    expect(describedBy(hintIdOf('name'), errorIdOf('name'))).toBe('name-hint name-error');
  });

  it('names only what is there', () => {
    expect(describedBy('name-hint', undefined)).toBe('name-hint');
    expect(describedBy(undefined, 'name-error')).toBe('name-error');
  });

  it('is absent when there is neither hint nor error', () => {
    expect(describedBy(undefined, undefined)).toBeUndefined();
  });
});
