import { describe, expect, it } from 'vitest';
import { isOfferedSlot, nearestSlots, offeredSlots, parseSlot } from './booking-slots.ts';
import type { BookingHours } from './slots.ts';

const hours: BookingHours = {
  openingHours: {
    monday: [{ opens: '10:00', closes: '12:00' }],
    tuesday: [{ opens: '10:00', closes: '11:00' }],
    wednesday: [],
    thursday: [{ opens: '10:00', closes: '11:00' }],
    friday: [{ opens: '10:00', closes: '11:00' }],
    saturday: [],
    sunday: [],
  },
  closingDays: [],
};
const rule = { slotMinutes: 30, daysAhead: 7 };
// Monday 2026-11-23, 10:40 in Copenhagen (09:40 UTC).
const now = new Date('2026-11-23T09:40:00Z');

describe('booking slots the server offers', () => {
  it('reads only real dates and times of day', () => {
    expect(parseSlot('2026-11-23T10:30')).toEqual({ date: '2026-11-23', time: '10:30' });
    for (const bad of ['2026-02-30T10:00', '2026-11-23T24:00', '2026-11-23T10:60', '2026-11-23 10:00', '2026-11-23T10:00Z', 'x']) expect(parseSlot(bad), bad).toBeUndefined();
  });

  it('offers the slots that have not started, within the window, on open days', () => {
    expect(offeredSlots(hours, rule, now, '2026-11-23', 3)).toEqual(['2026-11-23T11:00', '2026-11-23T11:30', '2026-11-24T10:00', '2026-11-24T10:30']);
    // Before today and beyond daysAhead nothing is offered.
    expect(offeredSlots(hours, rule, now, '2026-11-20', 3)).toEqual([]);
    expect(offeredSlots(hours, rule, now, '2026-11-30', 3)).toEqual([]);
  });

  it('knows an offered slot from one that started, is off the grid, closed or too far ahead', () => {
    expect(isOfferedSlot('2026-11-23T11:00', hours, rule, now)).toBe(true);
    expect(isOfferedSlot('2026-11-23T10:30', hours, rule, now)).toBe(false);
    expect(isOfferedSlot('2026-11-24T10:15', hours, rule, now)).toBe(false);
    expect(isOfferedSlot('2026-11-25T10:00', hours, rule, now)).toBe(false);
    expect(isOfferedSlot('2026-11-24T11:00', hours, rule, now)).toBe(false);
    expect(isOfferedSlot('2026-11-30T10:00', hours, rule, now)).toBe(false);
    expect(isOfferedSlot('not a time', hours, rule, now)).toBe(false);
  });

  it('proposes the nearest free slots, earlier first on a tie, across days', () => {
    const free = ['2026-11-23T11:00', '2026-11-24T10:00', '2026-11-24T11:00', '2026-11-26T10:00'];
    expect(nearestSlots('2026-11-24T10:30', free, 3)).toEqual(['2026-11-24T10:00', '2026-11-24T11:00', '2026-11-23T11:00']);
    expect(nearestSlots('2026-11-24T10:00', free, 1)).toEqual(['2026-11-24T11:00']);
    expect(nearestSlots('2026-11-24T10:00', [], 3)).toEqual([]);
  });
});
