import type { SyncResult } from './sync-result.ts';

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
  crossContext();
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener as Listener<never>);
  return () => {
    set.delete(listener as Listener<never>);
  };
}

/** Calls `listener` whenever the outbox's contents may have changed: an item queued, or a sync round ended. */
export function onOutboxChange(listener: () => void): () => void {
  const offs = [onOutbox('queued', listener), onOutbox('synced', listener)];
  return () => offs.forEach((off) => off());
}

/**
 * Events reach the other contexts of this origin too (tabs, and the service worker's syncs), so a
 * screen showing counts is never stale after the worker delivered in the background.
 */
const CHANNEL_NAME = 'outbox-events';
let channel: BroadcastChannel | undefined;
function crossContext(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (message: MessageEvent<{ event?: unknown; payload?: unknown }>) => {
    const { event, payload } = message.data ?? {};
    if (event === 'queued' || event === 'synced' || event === 'enrolled') emitLocally(event, payload as never);
  };
  return channel;
}

export function emitOutbox<K extends keyof OutboxEvents>(event: K, payload: OutboxEvents[K]): void {
  emitLocally(event, payload);
  try {
    crossContext()?.postMessage({ event, payload });
  } catch (error) {
    console.warn('outbox.events: could not tell the other contexts', error);
  }
}

function emitLocally<K extends keyof OutboxEvents>(event: K, payload: OutboxEvents[K]): void {
  for (const listener of listeners.get(event) ?? []) {
    try {
      (listener as Listener<K>)(payload);
    } catch (error) {
      // A broken listener must not break the submit or sync that emitted the event.
      console.error(`outbox.events: a '${event}' listener threw`, error);
    }
  }
}
