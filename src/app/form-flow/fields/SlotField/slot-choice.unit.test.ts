import { describe, expect, it } from 'vitest';
import { dayOf, dayOffered, keepsTime, slotOffered } from './slot-choice.ts';

const days = [{ date: '2026-12-07', times: ['09:00', '09:15'] }, { date: '2026-12-08', times: ['10:00'] }];

describe('slot choice', () => {
  it('reads the day of an answer', () => {
    expect(dayOf('2026-12-07T09:15')).toBe('2026-12-07');
  });

  it('offers only the days and times still free', () => {
    expect(dayOffered(days, '2026-12-08')).toBe(true);
    expect(dayOffered(days, '2026-12-05')).toBe(false);
    expect(slotOffered(days, '2026-12-07T09:15')).toBe(true);
    expect(slotOffered(days, '2026-12-07T10:00')).toBe(false);
  });

  it('keeps a time only on its own day', () => {
    expect(keepsTime('2026-12-07T09:15', '2026-12-07')).toBe(true);
    expect(keepsTime('2026-12-07T09:15', '2026-12-08')).toBe(false);
    expect(keepsTime(undefined, '2026-12-08')).toBe(false);
  });
});
