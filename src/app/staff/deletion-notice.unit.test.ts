import { describe, expect, it } from 'vitest';
import { deletionSoon } from './deletion-notice.ts';

describe('deletionSoon', () => {
  const now = Date.parse('2026-12-01T12:00:00.000Z');
  it('names the day when deletion is 30 days away or less', () => {
    expect(deletionSoon('2026-12-31T11:00:00.000Z', now)).toBe('2026-12-31');
    expect(deletionSoon('2026-12-02T00:00:00.000Z', now)).toBe('2026-12-02');
  });
  it('says nothing further off, or when the server did not say', () => {
    expect(deletionSoon('2027-01-01T12:00:00.001Z', now)).toBeUndefined();
    expect(deletionSoon(undefined, now)).toBeUndefined();
    expect(deletionSoon('not a date', now)).toBeUndefined();
  });
});
