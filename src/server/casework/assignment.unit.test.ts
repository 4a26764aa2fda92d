import { describe, expect, it } from 'vitest';
import { assignmentRefusal } from './assignment.ts';

const anne = { username: 'anne', role: 'caseworker' as const };
const admin = { username: 'boss', role: 'admin' as const };

describe('who may assign a case', () => {
  it('lets a caseworker take any case, also a colleague\'s', () => {
    expect(assignmentRefusal(anne, 'anne', null)).toBeUndefined();
    expect(assignmentRefusal(anne, 'anne', 'bo')).toBeUndefined();
  });

  it('does not let a caseworker hand a case to someone else', () => {
    expect(assignmentRefusal(anne, 'bo', null)).toBe('assign_self_only');
  });

  it('lets a caseworker give back only their own case', () => {
    expect(assignmentRefusal(anne, null, 'anne')).toBeUndefined();
    expect(assignmentRefusal(anne, null, null)).toBeUndefined();
    expect(assignmentRefusal(anne, null, 'bo')).toBe('release_own_only');
  });

  it('lets an admin assign to anyone and take from anyone', () => {
    expect(assignmentRefusal(admin, 'bo', 'anne')).toBeUndefined();
    expect(assignmentRefusal(admin, null, 'anne')).toBeUndefined();
  });
});
