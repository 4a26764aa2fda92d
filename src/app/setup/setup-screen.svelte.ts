import { readDevice } from '#outbox/device.ts';
import { onOutbox } from '#outbox/events.ts';
import { listOutbox, outboxCounts } from '#outbox/list.ts';
import type { DeviceRecord, DeviceRefusal, OutboxStatus, OutboxSummary } from '#outbox/records.ts';
import type { SyncResult } from '#outbox/sync-result.ts';
import { syncOutbox } from '#outbox/sync.ts';
import { SetupForm } from './setup-form.svelte.ts';

/** What the set-up screen reads and does, as functions (the outbox's by default; fakes in the unit tests). */
export interface SetupScreenIo {
  readDevice: () => Promise<DeviceRecord | undefined>;
  outboxCounts: () => Promise<Record<OutboxStatus, number>>;
  listQueued: () => Promise<OutboxSummary[]>;
  /** A sync run that sends the device report afterwards. */
  sync: () => Promise<SyncResult>;
  /** Subscribes to "the outbox may have changed": an item queued, or a sync round ended; returns the unsubscribe function. */
  onChange: (listener: (what: OutboxChange) => void) => () => void;
  enrol?: ConstructorParameters<typeof SetupForm>[1];
}

const outboxIo: SetupScreenIo = {
  readDevice,
  outboxCounts,
  listQueued: () => listOutbox({ status: 'queued' }),
  sync: () => syncOutbox({ report: true }),
  onChange: (listener) => {
    const offs = [onOutbox('queued', () => listener('queued')), onOutbox('synced', () => listener('synced'))];
    return () => offs.forEach((off) => off());
  },
};

export type OutboxChange = 'queued' | 'synced';

/**
 * Coalesced: reading the counts walks the outbox, and a burst of submissions must not pay for one
 * walk each (the bench saw enqueue slow down as the outbox grew). The screen reads once the outbox
 * has been quiet this long, so that its reads do not share the disk with the next submit, and at
 * least every REFRESH_MAX_WAIT_MS while changes keep coming. A newly queued item changes only the
 * counts: the device and the queued items' errors are read again only after a sync round, since
 * reading every queued item (envelopes and all) is what costs when the queue is long.
 */
export const REFRESH_COALESCE_MS = 250;
export const REFRESH_MAX_WAIT_MS = 2_000;

/**
 * The set-up screen's state: the enrolled device, the outbox counts, the "sync now" button and the
 * enrolment form. The component keeps the markup and the focus moves.
 */
export class SetupScreenController {
  device = $state<DeviceRecord | undefined>();
  counts = $state<Record<OutboxStatus, number> | undefined>();
  /** A revoked token leaves items queued with this reason until staff enrol again. */
  unauthorized = $state(false);
  /** Why the server last refused this device (revoked, or its token expired), from the outbox's device record. */
  refused = $state<DeviceRefusal | undefined>();
  loadFailed = $state(false);
  enrolledNow = $state(false);
  syncing = $state(false);
  lastSync = $state<SyncResult | undefined>();
  readonly form: SetupForm;

  private readonly io: SetupScreenIo;
  private formFilled = false;
  private formEdited = false;

  constructor(origin: string, io: Partial<SetupScreenIo> = {}) {
    this.io = { ...outboxIo, ...io };
    this.form = new SetupForm(origin, this.io.enrol);
  }

  /**
   * Reads the device and fills the form from it, unless staff have begun typing by then (what
   * they typed always wins); then follows the outbox. Returns the function that stops following.
   */
  open(): () => void {
    void this.refresh().then(() => {
      if (!this.formFilled && !this.formEdited) this.form.reset(this.device);
      this.formFilled = true;
    });
    let pending: ReturnType<typeof setTimeout> | undefined;
    let firstChangeAt: number | undefined;
    let synced = false;
    const read = () => {
      pending = undefined;
      firstChangeAt = undefined;
      const whole = synced;
      synced = false;
      void (whole ? this.refresh() : this.refreshCounts());
    };
    const off = this.io.onChange((what) => {
      synced ||= what === 'synced';
      const now = Date.now();
      firstChangeAt ??= now;
      clearTimeout(pending);
      pending = setTimeout(read, Math.max(0, Math.min(REFRESH_COALESCE_MS, firstChangeAt + REFRESH_MAX_WAIT_MS - now)));
    });
    return () => {
      clearTimeout(pending);
      off();
    };
  }

  /** Only the counts: what a newly queued item changes. */
  async refreshCounts(): Promise<void> {
    try {
      this.counts = await this.io.outboxCounts();
    } catch (error) {
      console.error('setup: could not read the outbox counts', error);
      this.loadFailed = true;
    }
  }

  /** Staff typed in the form. */
  edited(): void {
    this.formEdited = true;
  }

  async refresh(): Promise<void> {
    try {
      const [current, byStatus, queued] = await Promise.all([this.io.readDevice(), this.io.outboxCounts(), this.io.listQueued()]);
      this.device = current;
      this.counts = byStatus;
      this.unauthorized = queued.some((item) => item.lastError?.code === 'unauthorized');
      this.refused = current?.sync?.refused;
      this.loadFailed = false;
    } catch (error) {
      console.error('setup: could not read the device', error);
      this.loadFailed = true;
    }
  }

  /** Enrols with what the form holds; true when the device is now enrolled, false with the form's errors set. */
  async enrol(): Promise<boolean> {
    this.enrolledNow = false;
    const enrolled = await this.form.submit();
    if (!enrolled) return false;
    this.device = enrolled;
    this.enrolledNow = true;
    this.lastSync = undefined;
    await this.refresh();
    return true;
  }

  async syncNow(): Promise<void> {
    this.syncing = true;
    try {
      this.lastSync = await this.io.sync();
    } catch (error) {
      console.error('setup: sync failed', error);
      this.lastSync = undefined;
      this.loadFailed = true;
    } finally {
      this.syncing = false;
      await this.refresh();
    }
  }

  reset(): void {
    this.device = undefined;
    this.counts = undefined;
    this.unauthorized = false;
    this.refused = undefined;
    this.loadFailed = false;
    this.enrolledNow = false;
    this.syncing = false;
    this.lastSync = undefined;
    this.formFilled = false;
    this.formEdited = false;
    this.form.reset();
  }
}
