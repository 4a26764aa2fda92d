import { describe, expect, it } from 'vitest';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
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

describe('booking slots follow the configured opening hours exactly', () => {
  const withSaturday = {
    ...hours,
    openingHours: { ...hours.openingHours, saturday: [{ opens: '10:00', closes: '12:00' }] },
  };
  const split = {
    ...hours,
    openingHours: { ...hours.openingHours, monday: [{ opens: '09:00', closes: '10:00' }, { opens: '13:00', closes: '14:00' }] },
  };

  it('offers a configured Saturday, and not a Saturday without hours', () => {
    expect(slotsOn('2026-11-28', withSaturday, 30, mondayNoon)).toEqual(['10:00', '10:30', '11:00', '11:30']);
    expect(slotsOn('2026-11-28', hours, 30, mondayNoon)).toEqual([]);
    expect(bookableDays(withSaturday, mondayNoon, { slotMinutes: 15, daysAhead: 7 }).map((d) => d.date)).toContain('2026-11-28');
  });

  it('offers no Saturday that is a holiday or a configured closing day', () => {
    // Saturday 26 December 2026 is 2. juledag.
    expect(slotsOn('2026-12-26', withSaturday, 30, mondayNoon)).toEqual([]);
    expect(slotsOn('2026-11-28', { ...withSaturday, closingDays: ['2026-11-28'] }, 30, mondayNoon)).toEqual([]);
  });

  it('offers nothing on a weekday public holiday with opening hours', () => {
    expect(slotsOn('2026-12-25', hours, 15, mondayNoon)).toEqual([]); // Friday, juledag
    expect(slotsOn('2027-01-01', hours, 15, mondayNoon)).toEqual([]); // Friday, nytårsdag
    expect(slotsOn('2026-06-05', hours, 15, new Date('2026-06-01T08:00:00Z'))).toEqual([]); // grundlovsdag
    // Store bededag was a holiday until 2023 only: Friday 26 April 2024 is open.
    expect(slotsOn('2024-04-26', hours, 60, new Date('2024-04-22T08:00:00Z'))).toEqual(['10:00', '11:00', '12:00']);
    expect(slotsOn('2023-05-05', hours, 60, new Date('2023-05-01T08:00:00Z'))).toEqual([]);
  });

  it('keeps every slot inside an interval, with a gap at lunch', () => {
    expect(slotsOn('2026-11-30', split, 20, mondayNoon)).toEqual(['09:00', '09:20', '09:40', '13:00', '13:20', '13:40']);
  });

  it('leaves out a last slot that would end after closing time', () => {
    // Friday 10:00-13:00 in 25-minute slots: 12:30 would end at 12:55, 12:55 at 13:20.
    expect(slotsOn('2026-11-27', hours, 25, mondayNoon).at(-1)).toBe('12:30');
    // Thursday until 16:30: 16:15 ends at 16:30 exactly, and is offered.
    expect(slotsOn('2026-11-26', hours, 15, mondayNoon).at(-1)).toBe('16:15');
  });

  it('offers a slot that starts a minute from now, and none that has started (Copenhagen time)', () => {
    // 12:14:59 and 12:15:00 Copenhagen time on Monday 23 November 2026.
    expect(slotsOn('2026-11-23', hours, 15, new Date('2026-11-23T11:14:59Z'))[0]).toBe('12:15');
    expect(slotsOn('2026-11-23', hours, 15, new Date('2026-11-23T11:15:00Z'))[0]).toBe('12:30');
    // 23:30 UTC on Monday is 00:30 on Tuesday in Copenhagen: Monday is past, Tuesday fully open.
    const lateMonday = new Date('2026-11-23T23:30:00Z');
    expect(slotsOn('2026-11-23', hours, 15, lateMonday)).toEqual([]);
    expect(slotsOn('2026-11-24', hours, 15, lateMonday)[0]).toBe('10:00');
    expect(bookableDays(hours, lateMonday, { slotMinutes: 15, daysAhead: 2 }).map((d) => d.date)).toEqual(['2026-11-24']);
  });

  it('reads the Copenhagen clock on the days summer time starts and ends', () => {
    // Monday 30 March 2026 is the day after summer time starts: 07:59 UTC is 09:59 in Copenhagen.
    expect(slotsOn('2026-03-30', hours, 60, new Date('2026-03-30T07:59:00Z'))[0]).toBe('10:00');
    expect(slotsOn('2026-03-30', hours, 60, new Date('2026-03-30T08:00:00Z'))[0]).toBe('11:00');
    // Monday 26 October 2026, winter time again: 08:59 UTC is 09:59 in Copenhagen.
    expect(slotsOn('2026-10-26', hours, 60, new Date('2026-10-26T08:59:00Z'))[0]).toBe('10:00');
  });

  it('counts the days ahead from today, and ends there', () => {
    const days = bookableDays(withSaturday, mondayNoon, { slotMinutes: 15, daysAhead: 6 });
    // Monday 23 to Saturday 28 November: Wednesday is closed in the default.
    expect(days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27', '2026-11-28']);
  });
});
