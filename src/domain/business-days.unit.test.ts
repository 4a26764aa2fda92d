import { describe, expect, it } from 'vitest';
import { addBusinessDays, danishHolidays, deliveryWindow, easterSunday, isBusinessDay, isClosingDay } from './business-days.ts';

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2019, '2019-04-21'],
    [2000, '2000-04-23'],
    [1943, '1943-04-25'],
    [2038, '2038-04-25'],
    [1818, '1818-03-22'],
    [2285, '2285-03-22'],
  ])('puts Easter %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('danishHolidays', () => {
  const dates = (year: number) => danishHolidays(year).map((h) => h.date);

  it('derives the Easter-based holidays of 2025', () => {
    expect(dates(2025)).toEqual(
      expect.arrayContaining([
        '2025-04-17', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-09',
      ]),
    );
  });

  it('derives the Easter-based holidays of 2024 and 2027', () => {
    expect(dates(2024)).toEqual(
      expect.arrayContaining(['2024-03-28', '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-20']),
    );
    expect(dates(2027)).toEqual(
      expect.arrayContaining(['2027-03-25', '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17']),
    );
  });

  it('includes Store Bededag in 2023 and not from 2024', () => {
    expect(danishHolidays(2023).find((h) => h.id === 'great-prayer-day')?.date).toBe('2023-05-05');
    expect(danishHolidays(2024).some((h) => h.id === 'great-prayer-day')).toBe(false);
  });

  it('marks the customary closing days as not official', () => {
    const customary = danishHolidays(2026).filter((h) => !h.official).map((h) => h.date);
    expect(customary).toEqual(['2026-06-05', '2026-12-24', '2026-12-31']);
  });

  it('lists the days in date order with Danish and English names', () => {
    const list = danishHolidays(2026);
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
    expect(list[0]).toMatchObject({ date: '2026-01-01', name: { da: 'Nytårsdag', en: "New Year's Day" } });
  });
});

describe('isBusinessDay', () => {
  it('is false at weekends', () => {
    expect(isBusinessDay('2026-03-07')).toBe(false);
    expect(isBusinessDay('2026-03-08')).toBe(false);
    expect(isBusinessDay('2026-03-09')).toBe(true);
  });

  it('treats Store Bededag 2023 as closed and the same Friday in 2024 as open', () => {
    expect(isBusinessDay('2023-05-05')).toBe(false);
    expect(isBusinessDay('2024-04-26')).toBe(true);
  });

  it('treats grundlovsdag, juleaftensdag and nytårsaftensdag as closed', () => {
    expect(isBusinessDay('2025-06-05')).toBe(false);
    expect(isBusinessDay('2025-12-24')).toBe(false);
    expect(isBusinessDay('2025-12-31')).toBe(false);
  });

  it("honours the municipality's extra closing days", () => {
    expect(isBusinessDay('2026-03-11', ['2026-03-11'])).toBe(false);
  });
});

describe('addBusinessDays', () => {
  it('lands on the Wednesday when adding 3 business days to a Friday', () => {
    expect(addBusinessDays('2025-03-07', 3)).toBe('2025-03-12');
  });

  it('returns the given date for 0 days', () => {
    expect(addBusinessDays('2025-03-08', 0)).toBe('2025-03-08');
  });

  it('skips the Easter holidays', () => {
    expect(addBusinessDays('2025-04-16', 1)).toBe('2025-04-22');
  });

  it('skips extra closing days', () => {
    expect(addBusinessDays('2025-03-07', 3, ['2025-03-11'])).toBe('2025-03-13');
  });

  it('rejects negative and fractional days', () => {
    expect(() => addBusinessDays('2025-03-07', -1)).toThrow(RangeError);
    expect(() => addBusinessDays('2025-03-07', 1.5)).toThrow(RangeError);
  });

  it('rejects a malformed date even for 0 days', () => {
    expect(() => addBusinessDays('2025-02-30', 0)).toThrow(/not a YYYY-MM-DD/);
  });
});

describe('deliveryWindow', () => {
  it('crosses Christmas and New Year', () => {
    expect(deliveryWindow('2025-12-19', 3, 11)).toEqual({ earliest: '2025-12-29', latest: '2026-01-12' });
  });

  it('gives 3-11 business days in an ordinary fortnight', () => {
    expect(deliveryWindow('2026-03-09', 3, 11)).toEqual({ earliest: '2026-03-12', latest: '2026-03-24' });
  });

  it('moves with extra closing days', () => {
    expect(deliveryWindow('2026-03-09', 3, 11, ['2026-03-10'])).toEqual({
      earliest: '2026-03-13',
      latest: '2026-03-25',
    });
  });

  it('rejects a minimum above the maximum', () => {
    expect(() => deliveryWindow('2026-03-09', 11, 3)).toThrow(RangeError);
  });
});

describe('isClosingDay', () => {
  it('is true on holidays and configured closing days, and not because of the weekend alone', () => {
    expect(isClosingDay('2026-12-25')).toBe(true);
    expect(isClosingDay('2026-11-28')).toBe(false); // a Saturday: the opening hours decide
    expect(isClosingDay('2026-11-28', ['2026-11-28'])).toBe(true);
    expect(isClosingDay('2026-04-05')).toBe(true); // Easter Sunday
  });
});

describe('delivery window with the municipality\'s closing days', () => {
  // Monday 21 December 2026. Without extra days: 22, 23 | 24-27 closed | 28 = 3rd; … 11 January = 11th.
  it('crosses Christmas and New Year', () => {
    expect(deliveryWindow('2026-12-21', 3, 11)).toEqual({ earliest: '2026-12-28', latest: '2027-01-11' });
  });

  it('skips a configured closing day before Christmas and one after New Year', () => {
    expect(deliveryWindow('2026-12-21', 3, 11, ['2026-12-22'])).toEqual({ earliest: '2026-12-29', latest: '2027-01-12' });
    expect(deliveryWindow('2026-12-21', 3, 11, ['2026-12-22', '2027-01-04'])).toEqual({ earliest: '2026-12-29', latest: '2027-01-13' });
  });

  it('ignores a configured closing day that is already closed or outside the window', () => {
    expect(deliveryWindow('2026-12-21', 3, 11, ['2026-12-26', '2027-02-01'])).toEqual({ earliest: '2026-12-28', latest: '2027-01-11' });
  });

  it('counts from a closing day itself as day 0', () => {
    // Thursday 24 December 2026, closed: the 3rd business day is Wednesday 30 December; with
    // Monday 28 December closed too, 31 December and New Year push it to Monday 4 January.
    expect(addBusinessDays('2026-12-24', 3)).toBe('2026-12-30');
    expect(addBusinessDays('2026-12-24', 3, ['2026-12-28'])).toBe('2027-01-04');
  });
});
