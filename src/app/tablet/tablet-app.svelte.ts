import { readDeviceStatus, type DeviceStatus } from '#outbox/device-status.ts';
import { startOutboxSync } from '#outbox/scheduler.ts';
import { sendDeviceEvents } from '#vault/device-events.ts';
import { readProfiles } from '#vault/profiles.ts';
import type { StaffProfile } from '#vault/vault.ts';
import { ssoReturned } from './SignIn/sso-return.ts';
import type { TabletUi } from './tablet-ui.svelte.ts';

/** What staff mode reads and starts, as functions (the outbox's and the vault's by default; fakes in the unit tests). */
export interface TabletAppIo {
  readDeviceStatus: () => Promise<DeviceStatus>;
  /** Starts the page's outbox scheduler (idempotent). */
  startSync: () => { syncNow(): void };
  /** Everyone with a profile (a PIN) on this tablet. */
  readProfiles: () => Promise<StaffProfile[]>;
  sendDeviceEvents: () => Promise<unknown>;
  /** The page's query: back from the organisation's login (sso=1), the sign-in screen takes over. */
  search: () => string;
}

const defaultIo: TabletAppIo = {
  readDeviceStatus: () => readDeviceStatus(),
  startSync: startOutboxSync,
  readProfiles,
  sendDeviceEvents: () => sendDeviceEvents(),
  search: () => location.search,
};

/**
 * Staff mode's start and its background work: is this an enrolled tablet, are there staff
 * profiles (then each person's PIN opens it) or not yet (then the online sign-in), the outbox's scheduler,
 * and the device events (a PIN wipe) told to the server. The phase it sets is the TabletUi's.
 */
export class TabletAppController {
  enrolled = $state(false);
  /** The staff members whose PINs open the locked tablet, each their own profile. */
  profiles = $state<StaffProfile[]>([]);

  private readonly io: TabletAppIo;

  constructor(
    private readonly ui: Pick<TabletUi, 'phase' | 'adding'>,
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
      this.profiles = await this.io.readProfiles();
      const returning = ssoReturned(this.io.search());
      // Back from the organisation's login to add a person: the sign-in screen finishes it.
      if (returning && this.profiles.length > 0) this.ui.adding = true;
      this.ui.phase = this.profiles.length > 0 && !returning ? 'locked' : 'sign-in';
    } catch (error) {
      console.error('tablet: could not start', error instanceof Error ? error.name : typeof error);
      this.ui.phase = 'failed';
    }
  }

  /** Reads the profiles again (the locked screen names its staff members); answers them. */
  async readProfiles(): Promise<StaffProfile[]> {
    this.profiles = await this.io.readProfiles();
    return this.profiles;
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
    this.profiles = [];
  }
}
