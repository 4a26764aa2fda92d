import { describe, expect, it } from 'vitest';
import defaultConfig from '../config/municipality.default.json' with { type: 'json' };
import { bookableDays, slotsOn } from './slots.ts';

const hours = defaultConfig;
// 12:00 Copenhagen time (CET, UTC+1) on Monday 23 November 2026.
const mondayNoon = new Date('2026-11-23T11:00:00Z');

describe('booking slots', () => {
  it('offers every quarter of an hour that ends by closing time', () => {
    expect(slotsOn('2026-11-24', hours, 15, mondayNoon)).toEqual([
      '10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30', '11:45',
      '12:00', '12:15', '12:30', '12:45', '13:00', '13:15', '13:30', '13:45',
    ]);
  });

  it('offers no slot that has started today', () => {
    expect(slotsOn('2026-11-23', hours, 15, mondayNoon)[0]).toBe('12:15');
    expect(slotsOn('2026-11-23', hours, 15, new Date('2026-11-23T13:50:00Z'))).toEqual([]);
  });

  it('offers nothing on Wednesday (closed in the default), at weekends, on holidays or configured closing days', () => {
    expect(slotsOn('2026-11-25', hours, 15, mondayNoon)).toEqual([]);
    expect(slotsOn('2026-11-28', hours, 15, mondayNoon)).toEqual([]);
    expect(slotsOn('2026-12-24', hours, 15, mondayNoon)).toEqual([]);
    expect(slotsOn('2026-11-26', { ...hours, closingDays: ['2026-11-26'] }, 15, mondayNoon)).toEqual([]);
  });

  it('offers nothing in the past', () => {
    expect(slotsOn('2026-11-20', hours, 15, mondayNoon)).toEqual([]);
  });

  it('lists only the open days ahead, Thursday until 16:30', () => {
    const days = bookableDays(hours, mondayNoon, { slotMinutes: 15, daysAhead: 7 });
    expect(days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27']);
    expect(days[2]!.times.at(-1)).toBe('16:15');
    expect(days[3]!.times.at(-1)).toBe('12:45');
  });

  it('reads the Copenhagen clock in summer time', () => {
    // 09:50 Copenhagen time (CEST, UTC+2) on Tuesday 16 June 2026: the whole day is still ahead.
    expect(slotsOn('2026-06-16', hours, 30, new Date('2026-06-16T07:50:00Z'))[0]).toBe('10:00');
    expect(slotsOn('2026-06-16', hours, 30, new Date('2026-06-16T08:05:00Z'))[0]).toBe('10:30');
  });
});
