import { describe, expect, it } from 'vitest';
import { ageOn, dateOfTurning } from './age.ts';

describe('ageOn', () => {
  it('turns 15 on the birthday, not the day before', () => {
    expect(ageOn('2011-03-10', '2026-03-09')).toBe(14);
    expect(ageOn('2011-03-10', '2026-03-10')).toBe(15);
  });

  it('turns 18 on the birthday, not the day before', () => {
    expect(ageOn('2008-12-31', '2026-12-30')).toBe(17);
    expect(ageOn('2008-12-31', '2026-12-31')).toBe(18);
  });

  it('is 0 on the day of birth', () => {
    expect(ageOn('2026-03-10', '2026-03-10')).toBe(0);
  });

  describe('born on 29 February', () => {
    it('turns a year older on 1 March in a common year', () => {
      expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
      expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    });

    it('turns a year older on 29 February in a leap year', () => {
      expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
      expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    });
  });

  it('counts on the Copenhagen calendar date of an instant', () => {
    expect(ageOn('2008-01-01', new Date('2025-12-31T22:59:00Z'))).toBe(17);
    expect(ageOn('2008-01-01', new Date('2025-12-31T23:01:00Z'))).toBe(18);
  });

  it('throws for a date before the birth', () => {
    expect(() => ageOn('2026-03-10', '2026-03-09')).toThrow(RangeError);
  });
});

describe('dateOfTurning', () => {
  it('is the birthday that many years on', () => {
    expect(dateOfTurning('2011-03-10', 15)).toBe('2026-03-10');
  });

  it('is 1 March for a 29 February birth in a common year, and 29 February in a leap year', () => {
    expect(dateOfTurning('2008-02-29', 18)).toBe('2026-03-01');
    expect(dateOfTurning('2008-02-29', 20)).toBe('2028-02-29');
  });
});
