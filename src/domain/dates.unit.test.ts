import { describe, expect, it } from 'vitest';
import { dateLocale, formatDate } from './dates.ts';

describe('formatDate', () => {
  it('writes English dates the British way: day, month, year', () => {
    expect(formatDate('2026-11-24', 'en')).toBe('24 November 2026');
    expect(formatDate('2026-11-24', 'en')).not.toMatch(/November 24/);
  });

  it('names the weekday in English before the day, never US style', () => {
    expect(formatDate('2026-11-24', 'en', { weekday: true })).toMatch(/^Tuesday,? 24 November 2026$/);
  });

  it('writes Danish dates as Danes read them', () => {
    expect(formatDate('2026-11-24', 'da')).toBe('24. november 2026');
    expect(formatDate('2026-11-24', 'da', { weekday: true })).toBe('tirsdag den 24. november 2026');
  });

  it('keeps the calendar day whatever the time zone (no shift at midnight or summer time)', () => {
    expect(formatDate('2026-03-29', 'en')).toBe('29 March 2026');
    expect(formatDate('2026-10-25', 'da')).toBe('25. oktober 2026');
    expect(formatDate('2024-02-29', 'en', { weekday: true })).toMatch(/^Thursday,? 29 February 2024$/);
  });

  it('refuses text that is not a calendar date', () => {
    expect(() => formatDate('2026-02-30', 'en')).toThrow(RangeError);
    expect(() => formatDate('24/11/2026', 'da')).toThrow(RangeError);
  });

  it('uses en-GB for English and da-DK otherwise', () => {
    expect(dateLocale('en')).toBe('en-GB');
    expect(dateLocale('da')).toBe('da-DK');
  });
});
