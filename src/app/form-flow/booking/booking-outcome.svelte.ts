import type { Booking } from '#contract/bookings.ts';
import { formatSlot, type ReceiptContext } from '#forms/engine/display.ts';

/**
 * What became of a time requested without a reservation (the kiosk was offline): once the request
 * is sent, the kiosk asks the server, so that the receipt still on screen can say the time is
 * booked, or which time is proposed instead (the citizen may still be standing there). Looks once
 * per reference; reset() forgets it with the receipt.
 */
export class BookingOutcome {
  booking = $state<Booking | undefined>();
  #asked: string | undefined;
  readonly #lookUp: (reference: string) => Promise<Booking | undefined>;

  constructor(lookUp: (reference: string) => Promise<Booking | undefined>) {
    this.#lookUp = lookUp;
  }

  async check(reference: string): Promise<void> {
    if (this.#asked === reference) return;
    this.#asked = reference;
    const booking = await this.#lookUp(reference).catch(() => undefined);
    if (this.#asked === reference) this.booking = booking;
  }

  /** The receipt's wording for the outcome, in the citizen's language; undefined while unknown. */
  context(language: string): ReceiptContext | undefined {
    const b = this.booking;
    if (!b) return undefined;
    if (b.status === 'booked') return { name: 'booked' };
    return b.proposedSlot ? { name: 'proposed', values: { proposed: formatSlot(b.proposedSlot, language) } } : { name: 'full' };
  }

  reset(): void {
    this.#asked = undefined;
    this.booking = undefined;
  }
}
