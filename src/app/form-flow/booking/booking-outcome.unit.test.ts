import { describe, expect, it, vi } from 'vitest';
import type { Booking } from '#contract/bookings.ts';
import { BookingOutcome } from './booking-outcome.svelte.ts';

const base: Booking = { slot: '2026-12-08T10:00', reference: 'VKJK-3NMH-545Z', status: 'booked', proposedSlot: null, createdAt: '2026-12-05T09:00:00.000Z' };

describe('BookingOutcome', () => {
  it('asks once per reference and words a booked time, a proposed one and none', async () => {
    const lookUp = vi.fn(async (): Promise<Booking | undefined> => base);
    const outcome = new BookingOutcome(lookUp);
    expect(outcome.context('da')).toBeUndefined();
    await outcome.check(base.reference);
    await outcome.check(base.reference);
    expect(lookUp).toHaveBeenCalledTimes(1);
    expect(outcome.context('da')).toEqual({ name: 'booked' });

    outcome.booking = { ...base, status: 'proposed', proposedSlot: '2026-12-08T10:15' };
    expect(outcome.context('da')).toEqual({ name: 'proposed', values: { proposed: expect.stringContaining('10:15') } });
    expect(outcome.context('da')!.values!.proposed).toMatch(/tirsdag/);
    expect(outcome.context('en')!.values!.proposed).toMatch(/Tuesday/);
    outcome.booking = { ...base, status: 'proposed', proposedSlot: null };
    expect(outcome.context('en')).toEqual({ name: 'full' });
  });

  it('says nothing when the server has no booking or cannot be asked, and forgets on reset', async () => {
    const outcome = new BookingOutcome(async () => undefined);
    await outcome.check(base.reference);
    expect(outcome.context('en')).toBeUndefined();
    const failing = new BookingOutcome(() => Promise.reject(new Error('offline')));
    await failing.check(base.reference);
    expect(failing.booking).toBeUndefined();

    let answer!: (b: Booking) => void;
    const slow = new BookingOutcome(() => new Promise((resolve) => (answer = resolve)));
    const asking = slow.check(base.reference);
    slow.reset();
    answer(base);
    await asking;
    // An answer for a receipt that is gone is not shown on the next one.
    expect(slow.booking).toBeUndefined();
  });
});
