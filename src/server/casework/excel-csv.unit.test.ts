import { describe, expect, it } from 'vitest';
import { copenhagenDateTime, toExcelCsv } from './excel-csv.ts';

describe('CSV for Danish Excel', () => {
  it('starts with a byte-order mark, separates with semicolons and ends lines with CRLF', () => {
    expect(toExcelCsv([['Hvem', 'Handling'], ['søren', 'Læst']])).toBe('\uFEFFHvem;Handling\r\nsøren;Læst\r\n');
  });

  it('quotes a cell with a semicolon, a quote or a line break, and defuses formulas', () => {
    expect(toExcelCsv([['a;b', 'say "hi"', '=1+1', 'x\ny']])).toBe('\uFEFF"a;b";"say ""hi""";\'=1+1;"x\ny"\r\n');
  });

  it('writes times in Copenhagen, summer and winter', () => {
    expect(copenhagenDateTime('2026-07-01T10:00:00.000Z')).toBe('01-07-2026 12:00:00');
    expect(copenhagenDateTime('2026-12-05T23:30:00.000Z')).toBe('06-12-2026 00:30:00');
  });
});
