import { BACKGROUND_SYNC_TAG, isSyncRequest } from './sw-message.ts';
import { syncOutbox } from './sync.ts';
import type { SyncResult } from './sync-result.ts';

/**
 * The service worker's part of syncing (README.md, "When the outbox syncs"): the Background
 * Sync event, which the browser fires when the network returns even with every page closed, and a
 * {type:'outbox-sync'} message from a page. Both run syncOutbox under the same Web Lock as the
 * pages, so there is still one uploader. src/sw/sw.ts calls installOutboxSync(self).
 */

/** Background Sync is not in TypeScript's worker library (it is Chromium-only). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

export interface OutboxSyncOptions {
  sync?: () => Promise<SyncResult>;
}

export function installOutboxSync(self: ServiceWorkerGlobalScope, options: OutboxSyncOptions = {}): void {
  const sync = options.sync ?? (() => syncOutbox({ report: true }));

  self.addEventListener('sync', (event) => {
    const syncEvent = event as SyncEvent;
    if (syncEvent.tag !== BACKGROUND_SYNC_TAG) return;
    syncEvent.waitUntil(
      sync().then((result) => {
        // Rejecting asks the browser to fire the event again later, with its own backoff.
        if (result.outcome === 'network-error' || result.outcome === 'server-unavailable') {
          throw new Error(`outbox.background-sync: ${result.outcome}, ${result.retried} left queued`);
        }
      }),
    );
  });

  self.addEventListener('message', (event) => {
    if (!isSyncRequest(event.data)) return;
    const reply = event.ports[0];
    event.waitUntil(
      sync().then(
        (result) => reply?.postMessage(result),
        (error: unknown) => {
          console.error('outbox.sw-sync: sync failed', error);
          reply?.postMessage(undefined);
        },
      ),
    );
  });
}
