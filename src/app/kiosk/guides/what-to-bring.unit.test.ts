import { describe, expect, it } from 'vitest';
import { checkerResult, type CheckerAnswers } from './what-to-bring.ts';

const base: CheckerAnswers = { scheme: 'mitid', documents: [], mitIdDocuments: [], questions: 'unknown', witness: 'no' };

describe('what to bring', () => {
  it('says nothing about the papers before anything is ticked', () => {
    expect(checkerResult(base, '2026-12-04')).toBe('start');
    expect(checkerResult({ ...base, scheme: 'nemid' }, '2022-06-01')).toBe('start');
  });

  it('gives a citizen with only a passport the right answer for MitID', () => {
    expect(checkerResult({ ...base, mitIdDocuments: ['danish-passport-with-cpr'], questions: 'yes' }, '2026-12-04')).toBe('immediate');
    expect(checkerResult({ ...base, mitIdDocuments: ['danish-passport-with-cpr'] }, '2026-12-04')).toBe('bring-witness');
    expect(checkerResult({ ...base, mitIdDocuments: ['danish-passport-without-cpr'], questions: 'yes' }, '2026-12-04')).toBe('missing-cpr');
    expect(checkerResult({ ...base, mitIdDocuments: ['health-card'] }, '2026-12-04')).toBe('no-photo-id');
  });

  it("keeps the seeds' NemID answers on a 2022 day", () => {
    expect(checkerResult({ ...base, scheme: 'nemid', documents: ['passport'] }, '2022-06-01')).toBe('missing-cpr');
    expect(checkerResult({ ...base, scheme: 'nemid', documents: ['driving-licence'], questions: 'no' }, '2022-06-01')).toBe('posted');
    expect(checkerResult({ ...base, scheme: 'nemid', documents: ['health-card'] }, '2022-06-01')).toBe('not-enough-id');
  });
});
