import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BookingDay, StaffBooking } from '#contract/bookings.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { DayBookings } from './day-bookings.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});

const booking = (slot: string, reference: string, extra: Partial<StaffBooking> = {}): StaffBooking => ({
  slot, reference, status: 'booked', proposedSlot: null, createdAt: '2026-03-02T08:00:00.000Z', seat: 1, deviceName: 'Kiosk 1', source: 'device', submissionId: null, ...extra,
});
const day = (date: string, bookings: StaffBooking[]): BookingDay => ({ date, capacity: 2, bookings });

function setUp(listBookings = vi.fn(async (date: string) => day(date, []))) {
  const ui = new StaffUi();
  ui.language = 'en';
  return { ui, listBookings, view: new DayBookings({ listBookings }, ui, () => '2026-03-02') };
}

describe('"Dagens tider"', () => {
  it('opens on today and groups the bookings by time', async () => {
    const { view, listBookings } = setUp(vi.fn(async (date: string) => day(date, [
      booking('2026-03-02T10:00', 'AAAA-AAAA-AAAA'), booking('2026-03-02T10:00', 'BBBB-BBBB-BBBB', { seat: 2 }), booking('2026-03-02T11:15', 'CCCC-CCCC-CCCC'),
    ])));
    expect(view.date).toBe('2026-03-02');
    await view.load();
    expect(listBookings).toHaveBeenCalledWith('2026-03-02');
    expect(view.slots.map((s) => [s.time, s.bookings.map((b) => b.reference)])).toEqual([
      ['10:00', ['AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB']],
      ['11:15', ['CCCC-CCCC-CCCC']],
    ]);
  });

  it('asks for another day, shows only the newest answer, and refuses a date that is not one', async () => {
    let release: (d: BookingDay) => void = () => {};
    const slow = new Promise<BookingDay>((r) => (release = r));
    const listBookings = vi.fn(async (date: string) => (date === '2026-03-03' ? slow : day(date, [booking(`${date}T09:00`, 'DDDD-DDDD-DDDD')])));
    const { view, ui } = setUp(listBookings);
    const first = view.show('2026-03-03');
    await view.show('2026-03-04');
    release(day('2026-03-03', [booking('2026-03-03T09:00', 'EEEE-EEEE-EEEE')]));
    await first;
    expect(view.day?.date).toBe('2026-03-04');
    await view.show('2026-02-30');
    expect(view.error).toBe(ui.t('staff:bookings.badDate'));
  });

  it('says the call failed and forgets the day on reset', async () => {
    const { view, ui } = setUp(vi.fn(async () => { throw new StaffApiError('bookings.list', 500, 'internal'); }));
    await view.load();
    expect(view.error).toBe(ui.t('staff:errors.failed'));
    view.date = '2026-05-01';
    view.reset();
    expect([view.date, view.day, view.error]).toEqual(['2026-03-02', undefined, undefined]);
  });
});
