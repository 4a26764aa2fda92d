import type { QueueTicket, Waiting } from '#contract/counter.ts';
import type { callNext, listWaiting } from '../api/counter.ts';
import { StaffApiError } from '../api/http.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

/** What "Venter nu" asks the server. */
export interface WaitingApi {
  listWaiting: typeof listWaiting;
  callNext: typeof callNext;
}

/**
 * "Venter nu": today's queue tickets, and "Kald næste", which calls the lowest waiting number (the
 * server audits it). The screen reloads it whenever the server says the queue changed.
 */
export class WaitingNow {
  waiting = $state<Waiting | undefined>();
  error = $state<string | undefined>();
  message = $state<string | undefined>();
  busy = $state(false);
  readonly #api: WaitingApi;
  readonly #ui: StaffUi;

  constructor(api: WaitingApi, ui: StaffUi) {
    this.#api = api;
    this.#ui = ui;
  }

  /** The tickets nobody has called yet. */
  get waitingTickets() {
    return this.waiting?.tickets.filter((t) => !t.calledAt) ?? [];
  }

  /** A ticket's state: waiting, or called by a colleague, named as people know them (ui.person). */
  stateOf(ticket: QueueTicket): string {
    const ui = this.#ui;
    return ticket.calledBy ? ui.t('staff:counter.waiting.calledBy', { username: ui.person(ticket.calledBy) }) : ui.t('staff:counter.waiting.waitingState');
  }

  async load(): Promise<void> {
    try {
      this.waiting = await this.#api.listWaiting();
      this.error = undefined;
    } catch (e) {
      this.error = this.#ui.failure(e);
    }
  }

  async next(): Promise<void> {
    const ui = this.#ui;
    this.busy = true;
    try {
      const ticket = await this.#api.callNext();
      this.message = ui.t('staff:counter.waiting.called', { number: ticket.number });
    } catch (e) {
      this.message = undefined;
      this.error = e instanceof StaffApiError && e.code === 'nobody_waiting' ? ui.t('staff:counter.waiting.nobody') : ui.failure(e);
    } finally {
      this.busy = false;
      await this.load();
    }
  }

  reset(): void {
    this.waiting = undefined;
    this.error = undefined;
    this.message = undefined;
    this.busy = false;
  }
}
