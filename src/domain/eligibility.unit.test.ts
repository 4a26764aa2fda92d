import { describe, expect, it } from 'vitest';
import { assessDocuments, checkAge, checkWitness, issuanceRoute, type WitnessFacts } from './eligibility.ts';
import type { DocumentId } from './rules/documents.ts';

const today = '2026-03-10';

describe('checkAge', () => {
  it('refuses NemID the day before the 15th birthday and says when it becomes possible', () => {
    expect(checkAge('2011-03-10', 'nemid', '2026-03-09')).toEqual({
      ok: false, reason: 'too-young', age: 14, minimumAge: 15, eligibleOn: '2026-03-10',
    });
  });

  it('allows NemID on the 15th birthday', () => {
    expect(checkAge('2011-03-10', 'nemid', '2026-03-10')).toEqual({ ok: true, age: 15, minimumAge: 15 });
  });

  it('allows MitID from 13', () => {
    expect(checkAge('2013-03-10', 'mitid', '2026-03-09')).toMatchObject({ ok: false, eligibleOn: '2026-03-10' });
    expect(checkAge('2013-03-10', 'mitid', '2026-03-10')).toMatchObject({ ok: true, age: 13 });
  });

  it('lets someone born on 29 February reach 15 on 1 March in a common year', () => {
    expect(checkAge('2012-02-29', 'nemid', '2027-02-28')).toMatchObject({ ok: false, eligibleOn: '2027-03-01' });
    expect(checkAge('2012-02-29', 'nemid', '2027-03-01')).toMatchObject({ ok: true, age: 15 });
  });

  it('accepts an instant and uses its Copenhagen date', () => {
    expect(checkAge('2011-03-10', 'nemid', new Date('2026-03-09T23:30:00Z'))).toMatchObject({ ok: true });
  });
});

describe('assessDocuments', () => {
  it.each<[DocumentId[], string]>([
    [['driving-licence'], 'photo-id'],
    [['passport', 'health-card'], 'photo-id'],
    [['passport'], 'missing-cpr'],
    [['health-card', 'baptism-or-name-certificate'], 'two-documents'],
    [['tax-statement', 'public-benefit-payment'], 'two-documents'],
    [['baptism-or-name-certificate', 'public-benefit-payment'], 'missing-cpr'],
    [['health-card'], 'insufficient'],
    [['health-card', 'health-card'], 'insufficient'],
    [[], 'insufficient'],
  ])('rates %j as %s', (documents, expected) => {
    expect(assessDocuments(documents, today)).toBe(expected);
  });
});

describe('issuanceRoute for NemID', () => {
  const photoId: DocumentId[] = ['driving-licence'];
  const route = (documents: DocumentId[], canAnswerControlQuestions: boolean | 'unknown', hasWitness: boolean) =>
    issuanceRoute({ scheme: 'nemid', documents, canAnswerControlQuestions, hasWitness }, today);

  it('issues immediately with photo ID and control questions', () => {
    expect(route(photoId, true, false)).toBe('immediate');
  });

  it('issues immediately with photo ID and a witness when questions are not possible', () => {
    expect(route(photoId, false, true)).toBe('immediate');
    expect(route(photoId, 'unknown', true)).toBe('immediate');
  });

  it('posts the key card with photo ID but neither questions nor a witness', () => {
    expect(route(photoId, false, false)).toBe('posted');
  });

  it('advises a witness when it is unknown whether the CPR register has enough for questions', () => {
    expect(route(photoId, 'unknown', false)).toBe('bring-witness');
  });

  it('posts the key card for two documents one showing the CPR number, even with a witness', () => {
    expect(route(['health-card', 'baptism-or-name-certificate'], true, true)).toBe('posted');
  });

  it('refuses without enough ID or without the CPR number shown', () => {
    expect(route(['health-card'], true, true)).toBe('not-enough-id');
    expect(route(['passport'], true, true)).toBe('not-enough-id');
  });
});

describe('issuanceRoute for MitID', () => {
  const route = (documents: DocumentId[], canAnswerControlQuestions: boolean | 'unknown', hasWitness: boolean) =>
    issuanceRoute({ scheme: 'mitid', documents, canAnswerControlQuestions, hasWitness }, today);

  it('issues immediately with valid ID and questions or a witness', () => {
    expect(route(['driving-licence'], true, false)).toBe('immediate');
    expect(route(['passport', 'health-card'], false, true)).toBe('immediate');
  });

  it('asks for a witness when questions are not possible, as MitID has no posted route', () => {
    expect(route(['driving-licence'], false, false)).toBe('bring-witness');
    expect(route(['driving-licence'], 'unknown', false)).toBe('bring-witness');
  });

  it('refuses without enough ID', () => {
    expect(route([], true, true)).toBe('not-enough-id');
  });
});

describe('checkWitness', () => {
  const witness: WitnessFacts = {
    birthDate: '2008-03-10',
    hasDanishCpr: true,
    photoIdSeen: true,
    declarationSigned: true,
  };

  it('accepts a NemID witness on their 18th birthday', () => {
    expect(checkWitness(witness, 'nemid', '2026-03-10')).toEqual([]);
  });

  it('refuses a witness the day before their 18th birthday', () => {
    expect(checkWitness(witness, 'nemid', '2026-03-09')).toEqual(['too-young']);
  });

  it('lists every reason at once', () => {
    const bad = { ...witness, hasDanishCpr: false, photoIdSeen: false, declarationSigned: false };
    expect(checkWitness(bad, 'nemid', '2026-03-09')).toEqual([
      'too-young', 'no-danish-cpr', 'photo-id-not-seen', 'declaration-not-signed',
    ]);
  });

  describe('for MitID', () => {
    const adult = { ...witness, birthDate: '1990-01-01' };

    it('requires the witness to have MitID', () => {
      expect(checkWitness(adult, 'mitid', today)).toEqual(['no-mitid']);
    });

    it('requires more than 10 days with MitID under the older rule', () => {
      expect(checkWitness({ ...adult, mitIdSince: '2023-06-01' }, 'mitid', '2023-06-11')).toEqual(['mitid-too-new']);
      expect(checkWitness({ ...adult, mitIdSince: '2023-06-01' }, 'mitid', '2023-06-12')).toEqual([]);
    });

    it('requires more than 30 days with MitID under the newer rule', () => {
      expect(checkWitness({ ...adult, mitIdSince: '2026-01-01' }, 'mitid', '2026-01-31')).toEqual(['mitid-too-new']);
      expect(checkWitness({ ...adult, mitIdSince: '2026-01-01' }, 'mitid', '2026-02-01')).toEqual([]);
    });

    it('refuses a fourth time as witness within 120 days', () => {
      const experienced = { ...adult, mitIdSince: '2025-01-01' };
      const threeTimes = ['2025-11-11', '2026-01-10', '2026-03-01'];
      expect(checkWitness({ ...experienced, earlierWitnessDates: threeTimes }, 'mitid', '2026-03-10'))
        .toEqual(['witness-limit-reached']);
      // 2025-11-11 is 120 days before 2026-03-11, so it has left the window by then.
      expect(checkWitness({ ...experienced, earlierWitnessDates: threeTimes }, 'mitid', '2026-03-11')).toEqual([]);
      expect(checkWitness({ ...experienced, earlierWitnessDates: threeTimes.slice(1) }, 'mitid', '2026-03-10'))
        .toEqual([]);
    });

    it('does not apply the MitID rules to a NemID witness', () => {
      expect(checkWitness(adult, 'nemid', today)).toEqual([]);
    });
  });
});
