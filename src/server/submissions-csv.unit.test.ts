import { describe, expect, it } from 'vitest';
import { copenhagenTime } from './submissions-csv.ts';

describe('copenhagenTime', () => {
  it.each([
    ['2026-07-01T08:05:00Z', '01-07-2026 10:05'], // summer time, UTC+2
    ['2026-12-31T23:30:00Z', '01-01-2027 00:30'], // winter time, UTC+1: the next day in Copenhagen
    ['2026-03-29T01:00:00Z', '29-03-2026 03:00'], // the hour the clocks go forward
  ])('writes %s as %s', (iso, expected) => {
    expect(copenhagenTime(iso)).toBe(expected);
  });

  it('leaves a value that is not a time as it is', () => {
    expect(copenhagenTime('not a time')).toBe('not a time');
  });
});
