import { describe, expect, it } from 'vitest';
import { maskCpr, parseCpr } from './cpr.ts';
import { copenhagenDate } from './dates.ts';

const today = new Date('2026-03-10T12:00:00Z');
const farFuture = new Date('2099-12-31T12:00:00Z');

/** The old modulus-11 check, only to prove the test numbers fail it. */
function passesModulus11(cpr: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...cpr].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return sum % 11 === 0;
}

describe('parseCpr', () => {
  it.each(['010190-1234', '0101901234', '010190 1234', ' 01 01 90 - 12 34 '])('accepts "%s"', (input) => {
    expect(parseCpr(input, today)).toEqual({ ok: true, cpr: '0101901234', birthDate: '1990-01-01', sex: 'female' });
  });

  it.each(['', 'abc', '010190-123', '01019012345', '010190--1234', '0101-901234', '010190/1234', '0101９01234'])(
    'rejects "%s" as a format error',
    (input) => {
      expect(parseCpr(input, today)).toEqual({ ok: false, error: 'format' });
    },
  );

  it('accepts a CPR number that fails modulus 11', () => {
    expect(passesModulus11('0101901235')).toBe(false);
    expect(parseCpr('010190-1235', today)).toMatchObject({ ok: true, birthDate: '1990-01-01' });
  });

  it('accepts a CPR number that passes modulus 11 too', () => {
    const number = '0707614285';
    expect(passesModulus11(number)).toBe(true);
    expect(parseCpr(number, today)).toMatchObject({ ok: true, birthDate: '1961-07-07' });
  });

  it.each([
    ['010136-4000', '2036-01-01'],
    ['010137-4000', '1937-01-01'],
    ['010136-9000', '2036-01-01'],
    ['010137-9000', '1937-01-01'],
    ['010157-5000', '2057-01-01'],
    ['010158-5000', '1858-01-01'],
    ['010157-8000', '2057-01-01'],
    ['010158-8000', '1858-01-01'],
    ['010100-0000', '1900-01-01'],
    ['010136-3000', '1936-01-01'],
    ['010158-2000', '1958-01-01'],
    ['010199-3000', '1999-01-01'],
    ['010100-4000', '2000-01-01'],
    ['010199-9000', '1999-01-01'],
  ])('resolves the century of %s to %s', (input, birthDate) => {
    expect(parseCpr(input, farFuture)).toMatchObject({ ok: true, birthDate });
  });

  it.each(['610190-1234', '750190-1234', '910190-1234', '611390-1234'])('rejects replacement number %s', (input) => {
    expect(parseCpr(input, today)).toEqual({ ok: false, error: 'replacement' });
  });

  it.each(['000190-1234', '320190-1234', '600190-1234', '920190-1234', '011390-1234', '010090-1234', '310490-1234'])(
    'rejects %s as not a calendar date',
    (input) => {
      expect(parseCpr(input, today)).toEqual({ ok: false, error: 'date' });
    },
  );

  describe('29 February', () => {
    it('accepts it in a leap year (2000, 7th digit 4)', () => {
      expect(parseCpr('290200-4000', today)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    });

    it('accepts it in 1996', () => {
      expect(parseCpr('290296-1000', today)).toMatchObject({ ok: true, birthDate: '1996-02-29' });
    });

    it('rejects it in 1900, which the 7th digit 0 makes a common year', () => {
      expect(parseCpr('290200-0000', today)).toEqual({ ok: false, error: 'date' });
    });

    it('rejects it in a common year', () => {
      expect(parseCpr('290201-4000', today)).toEqual({ ok: false, error: 'date' });
    });
  });

  describe('future birth dates', () => {
    it('accepts someone born today', () => {
      expect(parseCpr('100326-4000', today)).toMatchObject({ ok: true, birthDate: '2026-03-10' });
    });

    it('rejects a birth date tomorrow', () => {
      expect(parseCpr('110326-4000', today)).toEqual({ ok: false, error: 'future' });
    });

    it('compares with the Copenhagen date, not the UTC date', () => {
      const justAfterMidnightInCopenhagen = new Date('2025-12-31T23:30:00Z');
      const justBeforeMidnightInCopenhagen = new Date('2025-12-31T22:30:00Z');
      expect(parseCpr('010126-4000', justAfterMidnightInCopenhagen)).toMatchObject({ ok: true });
      expect(parseCpr('010126-4000', justBeforeMidnightInCopenhagen)).toEqual({ ok: false, error: 'future' });
    });
  });

  it('reads the sex from the last digit: odd is male, even is female', () => {
    expect(parseCpr('010190-1231', today)).toMatchObject({ sex: 'male' });
    expect(parseCpr('010190-1239', today)).toMatchObject({ sex: 'male' });
    expect(parseCpr('010190-1230', today)).toMatchObject({ sex: 'female' });
    expect(parseCpr('010190-1238', today)).toMatchObject({ sex: 'female' });
  });
});

describe('maskCpr', () => {
  it('shows the birth date and hides the serial number', () => {
    expect(maskCpr('0101901234')).toBe('010190-XXXX');
    expect(maskCpr('010190-1234')).toBe('010190-XXXX');
  });

  it('throws on anything else without repeating it', () => {
    expect(() => maskCpr('01019012')).toThrow(/not a CPR number/);
    expect(() => maskCpr('01019012')).not.toThrow(/01019012/);
  });
});

describe('copenhagenDate', () => {
  it('uses winter time (UTC+1)', () => {
    expect(copenhagenDate(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(copenhagenDate(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
  });

  it('uses summer time (UTC+2)', () => {
    expect(copenhagenDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(copenhagenDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('throws on an invalid Date', () => {
    expect(() => copenhagenDate(new Date('not a date'))).toThrow(/invalid Date/);
  });
});
