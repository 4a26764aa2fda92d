import type { SyncResult } from './sync-result.ts';

/**
 * What the page and the service worker say to each other about the outbox. No Dexie here: the
 * start screen may ask the service worker to sync without loading the outbox into the page.
 */

/** The Background Sync tag the page registers and the service worker answers. */
export const BACKGROUND_SYNC_TAG = 'outbox-sync';

export interface SyncRequestMessage {
  type: 'outbox-sync';
}

export function isSyncRequest(data: unknown): data is SyncRequestMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'outbox-sync';
}

/**
 * Asks the active service worker to sync, and resolves to its result (undefined when there is no
 * controlling worker or it does not answer within `timeoutMs`).
 */
export function requestServiceWorkerSync(
  container: ServiceWorkerContainer | undefined = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker,
  timeoutMs = 120_000,
): Promise<SyncResult | undefined> {
  const worker = container?.controller;
  if (!worker) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    function finish(result: SyncResult | undefined) {
      clearTimeout(timer);
      channel.port1.close();
      resolve(result);
    }
    channel.port1.onmessage = (event: MessageEvent<SyncResult | undefined>) => finish(event.data);
    const message: SyncRequestMessage = { type: 'outbox-sync' };
    worker.postMessage(message, [channel.port2]);
  });
}
