import { describe, expect, it } from 'vitest';
import { checkAge, checkWitness } from '../eligibility.ts';
import { complaintLetterTitles } from './contacts.ts';
import { ruleOn, ruleInForce } from './dated.ts';
import { assessMitIdDocuments, mitIdDocumentRules } from './mitid-documents.ts';
import { mitIdChip, mitIdUserId, nemIdCounterparts } from './mitid.ts';
import { nemIdClosed, nemIdClosedOn, nemIdOrderable, nemIdPhase } from './nemid-status.ts';
import { witnessMitIdExperience } from './witness.ts';

describe('NemID on the day', () => {
  it('could be ordered up to and including 30 May 2023, and not the day after', () => {
    expect(nemIdOrderable('2022-06-01')).toBe(true);
    expect(nemIdOrderable('2023-05-30')).toBe(true);
    expect(nemIdOrderable('2023-05-31')).toBe(false);
    expect(ruleOn(nemIdPhase, '2023-05-31')).toBe('winding-down');
  });

  it('closed on 31 October 2023: still there the day before, gone that day and today', () => {
    expect(nemIdClosedOn).toBe('2023-10-31');
    expect(nemIdClosed('2023-10-30')).toBe(false);
    expect(nemIdClosed('2023-10-31')).toBe(true);
    expect(nemIdClosed('2026-12-04')).toBe(true);
    expect(nemIdOrderable('2026-12-04')).toBe(false);
  });

  it('counts an instant by its Copenhagen date (23:30 UTC on 30 October is 31 October in Copenhagen)', () => {
    expect(nemIdClosed(new Date('2023-10-30T23:30:00Z'))).toBe(true);
    expect(nemIdClosed(new Date('2023-10-30T22:30:00Z'))).toBe(false);
  });

  it('leads each NemID path to its MitID counterpart', () => {
    expect(nemIdCounterparts['voice-response']).toEqual(['audio-code-reader']);
    expect(nemIdCounterparts['extra-key-cards']).toContain('code-display');
    expect(nemIdCounterparts['lost-key-card']).toEqual(['app', 'code-display', 'audio-code-reader', 'chip']);
  });
});

describe('MitID age on the day', () => {
  // 0412134234: born 4 December 2013.
  it('lets a 13-year-old have MitID on the 13th birthday, not the day before', () => {
    expect(checkAge('2013-12-04', 'mitid', '2026-12-03')).toMatchObject({ ok: false, minimumAge: 13, eligibleOn: '2026-12-04' });
    expect(checkAge('2013-12-04', 'mitid', '2026-12-04')).toMatchObject({ ok: true, age: 13 });
  });

  it('gives a 14-year-old MitID today rather than sending them away until 15', () => {
    expect(checkAge('2012-06-01', 'mitid', '2026-12-04').ok).toBe(true);
  });
});

describe("MitID's document list", () => {
  const kinds = ruleOn(mitIdDocumentRules, '2026-12-04');

  it('takes a Danish passport with the CPR number, or a driving licence, alone', () => {
    expect(assessMitIdDocuments(['danish-passport-with-cpr'], kinds)).toBe('enough');
    expect(assessMitIdDocuments(['danish-driving-licence'], kinds)).toBe('enough');
  });

  it('asks for a document with the CPR number beside a passport without it', () => {
    expect(assessMitIdDocuments(['danish-passport-without-cpr'], kinds)).toBe('missing-cpr');
    expect(assessMitIdDocuments(['danish-passport-without-cpr', 'health-card'], kinds)).toBe('enough');
    expect(assessMitIdDocuments(['foreign-passport-or-id-card', 'cpr-certificate'], kinds)).toBe('enough');
  });

  it('needs photo ID, and judges nothing before anything is ticked', () => {
    expect(assessMitIdDocuments(['health-card', 'cpr-certificate'], kinds)).toBe('no-photo-id');
    expect(assessMitIdDocuments([], kinds)).toBe('nothing-ticked');
  });
});

describe('MitID witness, user ID, chip and complaint title', () => {
  it('requires more than 30 days with MitID now, and keeps the 10 days of digst.dk with its source', () => {
    expect(ruleInForce(witnessMitIdExperience, '2026-12-04').value).toEqual({ days: 30, counting: 'more-than' });
    expect(ruleInForce(witnessMitIdExperience, '2023-06-01').source).toContain('digst.dk');
    expect(ruleInForce(witnessMitIdExperience, '2023-06-01').value.days).toBe(10);
  });

  it('accepts a witness on day 31 with MitID and at the third time in 120 days, not day 30 or a fourth time', () => {
    const witness = { birthDate: '1980-01-01', hasDanishCpr: true, photoIdSeen: true, declarationSigned: true } as const;
    expect(checkWitness({ ...witness, mitIdSince: '2026-11-03' }, 'mitid', '2026-12-04')).toEqual([]);
    expect(checkWitness({ ...witness, mitIdSince: '2026-11-04' }, 'mitid', '2026-12-04')).toEqual(['mitid-too-new']);
    const twice = ['2026-09-01', '2026-10-01'];
    expect(checkWitness({ ...witness, mitIdSince: '2020-01-01', earlierWitnessDates: twice }, 'mitid', '2026-12-04')).toEqual([]);
    // 2026-08-07 is 119 days before 4 December: it still counts; 2026-08-06 (120 days) no longer does.
    expect(checkWitness({ ...witness, mitIdSince: '2020-01-01', earlierWitnessDates: [...twice, '2026-08-07'] }, 'mitid', '2026-12-04')).toEqual([
      'witness-limit-reached',
    ]);
    expect(checkWitness({ ...witness, mitIdSince: '2020-01-01', earlierWitnessDates: [...twice, '2026-08-06'] }, 'mitid', '2026-12-04')).toEqual([]);
  });

  it('gives the user-ID rule and the chip price of the rule data', () => {
    expect(ruleOn(mitIdUserId, '2026-12-04')).toEqual({ minLength: 5, maxLength: 48, notCpr: true });
    expect(ruleOn(mitIdChip, '2026-12-04')).toEqual({ kroner: 143.6, deliveryDays: { min: 3, max: 7 } });
  });

  it('titles the complaint letter by scheme', () => {
    expect(ruleOn(complaintLetterTitles, '2026-12-04')).toEqual({ nemid: 'Klage over NemID', mitid: 'Klage over MitID' });
  });
});
