import { describe, expect, it } from 'vitest';
import { ruleDataProblems } from './rules/dated.ts';
import { caseDueDate, defaultCaseDeadline, isOverdue } from './due-date.ts';

describe('case due date', () => {
  it('gives a move 5 calendar days from the day it arrived', () => {
    expect(caseDueDate('change-of-address', '2026-03-02')).toBe('2026-03-07');
    // Across a month end and a leap day.
    expect(caseDueDate('change-of-address', '2028-02-26')).toBe('2028-03-02');
  });

  it('counts the Copenhagen date of arrival, not UTC: 23:30 UTC on 2 March is 3 March in Copenhagen', () => {
    expect(caseDueDate('change-of-address', new Date('2026-03-02T23:30:00Z'))).toBe('2026-03-08');
    expect(caseDueDate('change-of-address', new Date('2026-03-02T22:59:59Z'))).toBe('2026-03-07');
  });

  it('gives housing benefit the 30-day backdating window', () => {
    expect(caseDueDate('housing-benefit', '2026-01-15')).toBe('2026-02-14');
  });

  it('gives other requests 10 business days, skipping weekends and Easter', () => {
    // Friday 6 Nov 2026 + 10 business days = Friday 20 Nov.
    expect(caseDueDate('complaint', '2026-11-06')).toBe('2026-11-20');
    // Wednesday 25 March 2026: Maundy Thursday 2 April, Good Friday 3 April and Easter Monday 6 April are closed.
    // Without them it would be Wednesday 8 April.
    expect(caseDueDate('lost-key-card', '2026-03-25')).toBe('2026-04-13');
  });

  it('keeps its default rule data sound', () => {
    expect(ruleDataProblems(defaultCaseDeadline)).toEqual([]);
  });

  it('is overdue only from the day after the due date, and never once closed', () => {
    expect(isOverdue('2026-03-07', 'received', '2026-03-07')).toBe(false);
    expect(isOverdue('2026-03-07', 'in_progress', '2026-03-08')).toBe(true);
    expect(isOverdue('2026-03-07', 'done', '2026-04-01')).toBe(false);
    expect(isOverdue('2026-03-07', 'rejected', '2026-04-01')).toBe(false);
  });
});
