import { readDeviceStatus, type DeviceStatus } from '#outbox/device-status.ts';
import { startOutboxSync } from '#outbox/scheduler.ts';
import { sendDeviceEvents } from '#vault/device-events.ts';
import { readProfile, type StaffProfile } from '#vault/vault.ts';
import type { TabletUi } from './tablet-ui.svelte.ts';

/** What staff mode reads and starts, as functions (the outbox's and the vault's by default; fakes in the unit tests). */
export interface TabletAppIo {
  readDeviceStatus: () => Promise<DeviceStatus>;
  /** Starts the page's outbox scheduler (idempotent). */
  startSync: () => { syncNow(): void };
  readProfile: () => Promise<StaffProfile | undefined>;
  sendDeviceEvents: () => Promise<unknown>;
}

const defaultIo: TabletAppIo = { readDeviceStatus: () => readDeviceStatus(), startSync: startOutboxSync, readProfile, sendDeviceEvents: () => sendDeviceEvents() };

/**
 * Staff mode's start and its background work: is this an enrolled tablet, is there a staff
 * profile (then the PIN opens it) or not yet (then the online sign-in), the outbox's scheduler,
 * and the device events (a PIN wipe) told to the server. The phase it sets is the TabletUi's.
 */
export class TabletAppController {
  enrolled = $state(false);
  /** The staff member whose PIN opens the locked tablet. */
  profile = $state<StaffProfile | undefined>();

  private readonly io: TabletAppIo;

  constructor(
    private readonly ui: Pick<TabletUi, 'phase'>,
    io: Partial<TabletAppIo> = {},
  ) {
    this.io = { ...defaultIo, ...io };
  }

  async start(): Promise<void> {
    try {
      const status = await this.io.readDeviceStatus();
      if (!status.enrolled || status.kind !== 'tablet') {
        this.ui.phase = 'not-enrolled';
        return;
      }
      this.enrolled = true;
      // Staff mode has the outbox loaded anyway: the page's own scheduler sends each item as soon
      // as it is queued or the connection returns, under the lock it shares with the service worker.
      this.io.startSync();
      this.profile = await this.io.readProfile();
      this.ui.phase = this.profile ? 'locked' : 'sign-in';
    } catch (error) {
      console.error('tablet: could not start', error instanceof Error ? error.name : typeof error);
      this.ui.phase = 'failed';
    }
  }

  /** Reads the profile again (the locked screen names its staff member). */
  async readProfile(): Promise<void> {
    this.profile = await this.io.readProfile();
  }

  /** A PIN wipe is told to the server's audit log at once, or when the tablet is next online. */
  reportEvents(): void {
    this.io.sendDeviceEvents().catch((error: unknown) => console.error('tablet: could not send device events', error instanceof Error ? error.name : typeof error));
  }

  syncNow(): void {
    this.io.startSync().syncNow();
  }

  reset(): void {
    this.enrolled = false;
    this.profile = undefined;
  }
}
