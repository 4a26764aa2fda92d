import type { SyncResult } from './sync.ts';

/**
 * What the outbox tells the rest of the page, as a typed event map: submit asks for a sync without
 * waiting for it, and screens that show counts refresh when a round ends.
 */
export interface OutboxEvents {
  /** A submission was committed to the outbox. */
  queued: { id: string };
  /** A sync round finished in this context (skipped rounds included). */
  synced: SyncResult;
  /** The device was enrolled (again). */
  enrolled: { deviceId: string };
}

type Listener<K extends keyof OutboxEvents> = (payload: OutboxEvents[K]) => void;

const listeners = new Map<keyof OutboxEvents, Set<Listener<never>>>();

/** Subscribes; returns the unsubscribe function. */
export function onOutbox<K extends keyof OutboxEvents>(event: K, listener: Listener<K>): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener as Listener<never>);
  return () => {
    set.delete(listener as Listener<never>);
  };
}

export function emitOutbox<K extends keyof OutboxEvents>(event: K, payload: OutboxEvents[K]): void {
  for (const listener of listeners.get(event) ?? []) {
    try {
      (listener as Listener<K>)(payload);
    } catch (error) {
      // A broken listener must not break the submit or sync that emitted the event.
      console.error(`outbox.events: a '${event}' listener threw`, error);
    }
  }
}
