import { describe, expect, it } from 'vitest';
import { submissionStatuses } from '#domain/casework/submission-workflow.ts';
import { retentionDaysOf, stageOf, statusesOf } from './retention-rule.ts';

describe('retention keeps open cases', () => {
  it('counts received and in-progress cases as open, done and rejected as closed', () => {
    expect(stageOf('received')).toBe('open');
    expect(stageOf('in_progress')).toBe('open');
    expect(stageOf('done')).toBe('closed');
    expect(stageOf('rejected')).toBe('closed');
  });

  it('never lets the deletion of closed cases touch an open one', () => {
    expect(statusesOf('closed')).toEqual(['done', 'rejected']);
    expect(statusesOf('open')).toEqual(['received', 'in_progress']);
  });

  it('puts every status in exactly one of the two deletions', () => {
    const both = [...statusesOf('open'), ...statusesOf('closed')];
    expect(both.sort()).toEqual([...submissionStatuses].sort());
  });

  it('gives open cases their own period and closed cases theirs', () => {
    const periods = { closedDays: 365, openCaseDays: 730 };
    expect(retentionDaysOf('received', periods)).toBe(730);
    expect(retentionDaysOf('in_progress', periods)).toBe(730);
    expect(retentionDaysOf('done', periods)).toBe(365);
    expect(retentionDaysOf('rejected', periods)).toBe(365);
  });
});
