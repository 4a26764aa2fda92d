import { readSyncStatus } from '#outbox/device.ts';
import { onOutboxChange } from '#outbox/events.ts';
import { outboxCounts } from '#outbox/list.ts';
import type { DeviceRefusal, OutboxStatus, SyncStatus } from '#outbox/records.ts';

/** While the header shows it, look again this often: the service worker syncs without telling the page. */
export const SYNC_STATUS_REFRESH_MS = 5_000;

/** What the header reads, as functions (the outbox's by default; fakes in the unit tests). */
export interface SyncStatusIo {
  outboxCounts: () => Promise<Record<OutboxStatus, number>>;
  readSyncStatus: () => Promise<SyncStatus>;
  /** Subscribes to "the outbox may have changed"; returns the unsubscribe function. */
  onChange: (listener: () => void) => () => void;
}

/** The header's sync status: connection, items waiting to be sent, items refused, and the last sync. */
export class SyncStatusWatch {
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  /** Queued or being sent; undefined until read. */
  waiting = $state<number | undefined>();
  rejected = $state(0);
  lastSyncAt = $state<string | undefined>();
  /** The server refuses this tablet (revoked, or its token expired): nothing is sent until it is enrolled again. */
  refused = $state<DeviceRefusal | undefined>();

  private readonly io: SyncStatusIo;

  constructor(io: Partial<SyncStatusIo> = {}) {
    this.io = { outboxCounts, readSyncStatus, onChange: onOutboxChange, ...io };
  }

  /** Starts watching; returns the function that stops it. */
  start(): () => void {
    const connection = () => {
      this.online = navigator.onLine;
      void this.refresh();
    };
    const refresh = () => void this.refresh();
    addEventListener('online', connection);
    addEventListener('offline', connection);
    const off = this.io.onChange(refresh);
    const timer = setInterval(refresh, SYNC_STATUS_REFRESH_MS);
    refresh();
    return () => {
      removeEventListener('online', connection);
      removeEventListener('offline', connection);
      off();
      clearInterval(timer);
    };
  }

  async refresh(): Promise<void> {
    try {
      const [counts, status] = await Promise.all([this.io.outboxCounts(), this.io.readSyncStatus()]);
      this.waiting = counts.queued + counts.sending;
      this.rejected = counts.rejected;
      this.lastSyncAt = status.lastSyncAt;
      this.refused = status.refused;
    } catch (error) {
      // The header keeps what it showed; the outbox view says when storage fails.
      console.error('tablet: could not read the sync status', error instanceof Error ? error.name : typeof error);
    }
  }

  reset(): void {
    this.waiting = undefined;
    this.rejected = 0;
    this.lastSyncAt = undefined;
    this.refused = undefined;
  }
}
