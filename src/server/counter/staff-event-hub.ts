import { EventEmitter } from 'node:events';
import type { StaffEventName } from '#contract/counter.ts';

export interface StaffEvent {
  name: StaffEventName;
  data: unknown;
}

/**
 * Fans counter events out to the back office screens listening on `GET /api/v1/staff/events`.
 * In-process: with several server processes sharing one PostgreSQL database, a screen hears the
 * events of the process it is connected to, and catches up with the others on its next list load.
 */
export class StaffEventHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open back office tab is one listener; the default warning at 10 would be noise.
    this.emitter.setMaxListeners(0);
  }

  publish(event: StaffEvent): void {
    this.emitter.emit('event', event);
  }

  /** Answers the function that stops listening. */
  subscribe(listener: (event: StaffEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  get listeners(): number {
    return this.emitter.listenerCount('event');
  }
}
