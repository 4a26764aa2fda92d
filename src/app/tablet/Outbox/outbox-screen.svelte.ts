import { onOutboxChange } from '#outbox/events.ts';
import { listOutbox } from '#outbox/list.ts';
import { discardRejected, retryItem } from '#outbox/manage.ts';
import { readSyncStatus } from '#outbox/device.ts';
import type { DeviceRefusal, OutboxSummary } from '#outbox/records.ts';
import { DiscardForm } from './discard-form.svelte.ts';

/** What the outbox screen reads and does, as functions (the outbox's by default; fakes in the unit tests). */
export interface OutboxScreenIo {
  list: () => Promise<OutboxSummary[]>;
  retry: (id: string) => Promise<unknown>;
  discard: (id: string, note: { reason: string; by: string }) => Promise<unknown>;
  /** Subscribes to "the outbox may have changed"; returns the unsubscribe function. */
  onChange: (listener: () => void) => () => void;
  /** Whether the server last refused this tablet (revoked, or its token expired). */
  readRefusal: () => Promise<DeviceRefusal | undefined>;
}

const outboxIo: OutboxScreenIo = {
  list: () => listOutbox(),
  retry: (id) => retryItem(id),
  discard: (id, note) => discardRejected(id, note),
  onChange: onOutboxChange,
  readRefusal: async () => (await readSyncStatus()).refused,
};

/** The service worker may send items without telling the page: look again this often. */
export const OUTBOX_REFRESH_MS = 3_000;

/** The line under the buttons after an action: a tablet-namespace key and the item's reference. */
export interface OutboxNotice {
  key: 'tablet:outbox.retried' | 'tablet:outbox.discarded' | 'tablet:outbox.actionFailed';
  reference?: string;
}

/**
 * The tablet's outbox screen: every item, metadata only, kept fresh; a refused item sent again, or
 * discarded with a reason (the dialog's form is `discard`). `onsync` asks the tablet to sync now.
 */
export class OutboxScreenController {
  items = $state<OutboxSummary[] | undefined>();
  failed = $state(false);
  notice = $state<OutboxNotice | undefined>();
  /** The server refuses this tablet: the screen says so above the list, and everything stays on the tablet. */
  refused = $state<DeviceRefusal | undefined>();
  readonly discard = new DiscardForm();

  private readonly io: OutboxScreenIo;

  constructor(
    private readonly onsync: () => void,
    io: Partial<OutboxScreenIo> = {},
  ) {
    this.io = { ...outboxIo, ...io };
  }

  /** Reads the outbox and keeps reading it; returns the function that stops. */
  open(): () => void {
    const refresh = () => void this.refresh();
    refresh();
    const off = this.io.onChange(refresh);
    const timer = setInterval(refresh, OUTBOX_REFRESH_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }

  async refresh(): Promise<void> {
    try {
      [this.items, this.refused] = await Promise.all([this.io.list(), this.io.readRefusal()]);
      this.failed = false;
    } catch (error) {
      console.error('tablet: could not read the outbox', error instanceof Error ? error.name : typeof error);
      this.failed = true;
    }
  }

  /** A refused item back in the queue, or a queued one due now; then a sync. */
  async retry(item: OutboxSummary): Promise<void> {
    try {
      await this.io.retry(item.id);
      this.notice = { key: 'tablet:outbox.retried', reference: item.reference };
      this.onsync();
    } catch (error) {
      console.error('tablet: retry failed', error instanceof Error ? error.name : typeof error);
      this.notice = { key: 'tablet:outbox.actionFailed' };
    }
    await this.refresh();
  }

  openDiscard(item: OutboxSummary): void {
    this.discard.open(item.id, item.reference);
  }

  closeDiscard(): void {
    this.discard.reset();
  }

  /** Discards the item in the dialog, noting `by`; false when the reason is missing. */
  async confirmDiscard(by: string): Promise<boolean> {
    if (!this.discard.check()) return false;
    const { itemId, reference } = this.discard;
    if (!itemId) return true;
    this.discard.busy = true;
    try {
      await this.io.discard(itemId, { reason: this.discard.reason, by });
      this.closeDiscard();
      this.notice = { key: 'tablet:outbox.discarded', reference };
      await this.refresh();
    } catch (error) {
      console.error('tablet: discard failed', error instanceof Error ? error.name : typeof error);
      this.discard.failed = true;
      this.discard.busy = false;
    }
    return true;
  }

  reset(): void {
    this.items = undefined;
    this.failed = false;
    this.notice = undefined;
    this.refused = undefined;
    this.discard.reset();
  }
}
