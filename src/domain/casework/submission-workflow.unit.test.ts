import { describe, expect, it } from 'vitest';
import { allowedFrom, allowedFromWithNote, allowedNext, hasNote, noteRequirement } from './submission-workflow.ts';

describe('submission workflow', () => {
  it('reopens a closed case to in_progress, and only there', () => {
    expect(allowedNext('done')).toEqual(['in_progress']);
    expect(allowedNext('rejected')).toEqual(['in_progress']);
    expect(allowedFrom('in_progress')).toEqual(['received', 'done', 'rejected']);
    expect(allowedFrom('done')).toEqual(['in_progress']);
  });

  it('needs a note to reject, from received or in progress', () => {
    expect(noteRequirement('received', 'rejected')).toBe('rejection_needs_note');
    expect(noteRequirement('in_progress', 'rejected')).toBe('rejection_needs_note');
  });

  it('needs a reason to reopen, but not to take a new case', () => {
    expect(noteRequirement('done', 'in_progress')).toBe('reopen_needs_reason');
    expect(noteRequirement('rejected', 'in_progress')).toBe('reopen_needs_reason');
    expect(noteRequirement('received', 'in_progress')).toBeUndefined();
    expect(noteRequirement('in_progress', 'done')).toBeUndefined();
  });

  it('counts a note of white space as no note', () => {
    expect(hasNote('  \n ')).toBe(false);
    expect(hasNote(null)).toBe(false);
    expect(hasNote(undefined)).toBe(false);
    expect(hasNote('Borgeren ringede')).toBe(true);
  });

  it('leaves out the steps that need a note when there is none', () => {
    expect(allowedFromWithNote('in_progress', null)).toEqual(['received']);
    expect(allowedFromWithNote('in_progress', 'Fejl i afgørelsen')).toEqual(['received', 'done', 'rejected']);
    expect(allowedFromWithNote('rejected', ' ')).toEqual([]);
    expect(allowedFromWithNote('rejected', 'Dublet')).toEqual(['received', 'in_progress']);
    expect(allowedFromWithNote('done', undefined)).toEqual(['in_progress']);
  });
});
