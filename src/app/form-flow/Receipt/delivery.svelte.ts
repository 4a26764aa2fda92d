import { readSyncStatus } from '#outbox/device.ts';
import { onOutbox } from '#outbox/events.ts';
import { readItemStatus } from '#outbox/item-status.ts';
import { requestServiceWorkerSync } from '#outbox/sw-message.ts';
import type { DeviceRefusal, OutboxStatus } from '#outbox/records.ts';

/**
 * What the receipt may say about a submission: 'sent' once the server has acknowledged it,
 * 'saved' while it waits in this device's outbox, 'held' when the server refused it and staff must
 * look at it, 'blocked' while it waits on a device the server refuses (revoked, or its token
 * expired): it will not go by itself, so the receipt must not promise that. Never "received"
 * before the server has said so.
 */
export type Delivery = 'saved' | 'sent' | 'held' | 'blocked';

export function deliveryOf(status: OutboxStatus | undefined, refused?: DeviceRefusal): Delivery {
  if (status === 'stored') return 'sent';
  if (status === 'rejected' || status === 'discarded') return 'held';
  return refused ? 'blocked' : 'saved';
}

/** How often the receipt looks again while the submission waits (a look is one IndexedDB read). */
const LOOK_EVERY_MS = 3_000;
/** How long to wait for the first sync when the device is online, before the receipt shows at all. */
export const FIRST_SYNC_WAIT_MS = 3_000;

/**
 * Follows one submission from the outbox to the server while its receipt is on screen, so the
 * receipt changes from "saved" to "sent" when the sync finishes. The sync may run in the service
 * worker (the kiosk), in the page (the tablet) or in another tab, so it looks again after every
 * sync this page sees, when the network returns, and on a timer.
 */
export class DeliveryWatch {
  state = $state<Delivery>('saved');
  #stops: (() => void)[] = [];

  /** Asks for a sync now and starts watching; resolves after the first look once that sync ended. */
  watch(id: string): Promise<void> {
    this.stop();
    const look = async () => {
      // Dexie is loaded by now (the submit stored the item): the receipt never shows on the start screen.
      const [status, sync] = await Promise.all([readItemStatus(id).catch(() => undefined), readSyncStatus().catch(() => undefined)]);
      this.state = deliveryOf(status, sync?.refused);
      // 'blocked' may still turn into 'sent' once staff enrol the device again.
      if (this.state === 'sent' || this.state === 'held') this.stop();
    };
    const askAndLook = async () => {
      await requestSync();
      await look();
    };
    const timer = setInterval(() => void look(), LOOK_EVERY_MS);
    const online = () => void askAndLook();
    addEventListener('online', online);
    this.#stops.push(
      () => clearInterval(timer),
      () => removeEventListener('online', online),
      onOutbox('synced', () => void look()),
    );
    return askAndLook();
  }

  /** Stops watching; the state stays as last seen. */
  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }

  reset(): void {
    this.stop();
    this.state = 'saved';
  }
}

/** The service worker syncs on the kiosk; where none controls the page, the page's own scheduler does. */
async function requestSync(): Promise<void> {
  if ((await requestServiceWorkerSync(undefined, 60_000)) !== undefined) return;
  const { startOutboxSync } = await import('#outbox/scheduler.ts');
  startOutboxSync().syncNow();
  // syncNow does not wait; the 'synced' event and the timer look again when it ends.
}
