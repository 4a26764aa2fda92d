import type { BookingDay, StaffBooking } from '#contract/bookings.ts';
import { copenhagenDate, isIsoDate } from '#domain/dates.ts';
import type { listBookings } from '../api/bookings.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

/** What "Dagens tider" asks the server. */
export interface BookingsApi {
  listBookings: typeof listBookings;
}

/** The bookings of one slot, as the day view groups them. */
export interface SlotRow {
  slot: string;
  time: string;
  bookings: StaffBooking[];
}

/**
 * "Dagens tider": a day's booked times (today in Copenhagen at first), each with its references,
 * the kiosk that booked it and a link to the case once it has arrived; requests sent offline to a
 * full time show the time proposed instead.
 */
export class DayBookings {
  date = $state('');
  day = $state<BookingDay | undefined>();
  error = $state<string | undefined>();
  loading = $state(false);
  readonly #api: BookingsApi;
  readonly #ui: StaffUi;
  readonly #today: () => string;
  #asked = 0;

  constructor(api: BookingsApi, ui: StaffUi, today: () => string = () => copenhagenDate(new Date())) {
    this.#api = api;
    this.#ui = ui;
    this.#today = today;
    this.date = today();
  }

  /** The day's bookings grouped by their time, earliest first. */
  get slots(): SlotRow[] {
    const rows: SlotRow[] = [];
    for (const b of this.day?.bookings ?? []) {
      const last = rows.at(-1);
      if (last?.slot === b.slot) last.bookings.push(b);
      else rows.push({ slot: b.slot, time: b.slot.slice(11), bookings: [b] });
    }
    return rows;
  }

  /** Loads the chosen day; only the newest answer is shown when the date changes quickly. */
  async load(): Promise<void> {
    if (!isIsoDate(this.date)) {
      this.error = this.#ui.t('staff:bookings.badDate');
      return;
    }
    const asked = ++this.#asked;
    this.loading = true;
    try {
      const day = await this.#api.listBookings(this.date);
      if (asked !== this.#asked) return;
      this.day = day;
      this.error = undefined;
    } catch (e) {
      if (asked === this.#asked) this.error = this.#ui.failure(e);
    } finally {
      if (asked === this.#asked) this.loading = false;
    }
  }

  async show(date: string): Promise<void> {
    this.date = date;
    await this.load();
  }

  reset(): void {
    this.date = this.#today();
    this.day = undefined;
    this.error = undefined;
    this.loading = false;
    this.#asked++;
  }
}
