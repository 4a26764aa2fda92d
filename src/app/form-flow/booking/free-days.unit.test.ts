import { describe, expect, it } from 'vitest';
import { freeDaysOf } from './free-days.ts';

describe('the server’s free slots as days and times', () => {
  const local = [
    { date: '2026-12-07', times: ['10:00', '10:15', '10:30'] },
    { date: '2026-12-08', times: ['10:00'] },
  ];
  it('groups by day and keeps only times the kiosk also offers', () => {
    expect(
      freeDaysOf(
        [
          { slot: '2026-12-07T10:00', free: 1 },
          { slot: '2026-12-07T10:30', free: 2 },
          { slot: '2026-12-07T11:00', free: 1 },
          { slot: '2026-12-08T10:00', free: 1 },
          { slot: '2026-12-09T10:00', free: 1 },
        ],
        local,
      ),
    ).toEqual([
      { date: '2026-12-07', times: ['10:00', '10:30'] },
      { date: '2026-12-08', times: ['10:00'] },
    ]);
  });
  it('leaves out a full slot, and a day with no free time', () => {
    expect(freeDaysOf([{ slot: '2026-12-07T10:00', free: 0 }, { slot: '2026-12-08T10:00', free: 1 }], local)).toEqual([{ date: '2026-12-08', times: ['10:00'] }]);
  });
});
