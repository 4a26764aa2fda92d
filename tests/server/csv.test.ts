import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '#server/csv.ts';

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    [' padded ', '" padded "'],
  ])('quotes %j as RFC 4180 says', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('defuses a formula: %j', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('joins rows with CRLF and ends with a line break', () => {
    expect(toCsv([['a', 1], [null, undefined]])).toBe('a,1\r\n,\r\n');
  });
});
