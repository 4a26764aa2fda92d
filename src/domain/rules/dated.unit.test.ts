import { describe, expect, it } from 'vitest';
import { ruleDataProblems, ruleInForce, ruleOn, type DatedRule } from './dated.ts';

const witnessDays: DatedRule<number>[] = [
  { value: 10, from: '2021-05-06', to: '2023-12-31', source: 'older page' },
  { value: 30, from: '2024-01-01', source: 'newer page' },
];

describe('ruleOn', () => {
  it('picks the value in force on the date, both ends included', () => {
    expect(ruleOn(witnessDays, '2021-05-06')).toBe(10);
    expect(ruleOn(witnessDays, '2023-12-31')).toBe(10);
    expect(ruleOn(witnessDays, '2024-01-01')).toBe(30);
    expect(ruleOn(witnessDays, '2030-06-01')).toBe(30);
  });

  it('reads a Date as its Copenhagen calendar date', () => {
    expect(ruleOn(witnessDays, new Date('2023-12-31T23:30:00Z'))).toBe(30);
    expect(ruleOn(witnessDays, new Date('2023-12-31T22:30:00+02:00'))).toBe(10);
  });

  it('throws a clear error when no rule is in force', () => {
    expect(() => ruleOn(witnessDays, '2020-01-01')).toThrow(/no rule in force on 2020-01-01 \(rule from older page\)/);
  });

  it('throws when rules overlap rather than guess', () => {
    const overlapping: DatedRule<number>[] = [
      { value: 1, from: '2020-01-01', source: 'a' },
      { value: 2, from: '2021-01-01', source: 'b' },
    ];
    expect(() => ruleOn(overlapping, '2021-06-01')).toThrow(/2 rules overlap/);
  });

  it('gives the source with ruleInForce', () => {
    expect(ruleInForce(witnessDays, '2025-01-01')).toEqual(witnessDays[1]);
  });
});

describe('ruleDataProblems', () => {
  it('finds nothing wrong in sound data', () => {
    expect(ruleDataProblems(witnessDays)).toEqual([]);
  });

  it('finds bad dates, reversed periods, overlaps, disorder and missing sources', () => {
    expect(ruleDataProblems([])).toEqual(['no entries']);
    expect(ruleDataProblems([{ value: 1, from: '2020-02-30', source: 'x' }])).toEqual([
      'entry 0: from "2020-02-30" is not a date',
    ]);
    expect(ruleDataProblems([{ value: 1, from: '2020-01-02', to: '2020-01-01', source: 'x' }])).toEqual([
      'entry 0: ends before it starts',
    ]);
    expect(ruleDataProblems([{ value: 1, from: '2020-01-01', source: ' ' }])).toEqual(['entry 0: no source']);
    expect(
      ruleDataProblems([
        { value: 1, from: '2021-01-01', source: 'a' },
        { value: 2, from: '2020-01-01', source: 'b' },
      ]),
    ).toEqual(['entry 1: not after entry 0', 'entry 1: overlaps entry 0']);
  });
});
