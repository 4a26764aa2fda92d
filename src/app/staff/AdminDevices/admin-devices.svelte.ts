import type { DeviceAnswer, DeviceFleetAnswer, DeviceHealth, DeviceKind } from '#contract/staff.ts';
import type { listDevices, revokeAllDevices, revokeDevice } from '../api/devices.ts';
import { ConfirmedAction } from '../ConfirmAlert/confirmed-action.svelte.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

/** What the fleet screen asks the server. */
export interface DevicesApi {
  listDevices: typeof listDevices;
  revokeDevice: typeof revokeDevice;
  revokeAllDevices: typeof revokeAllDevices;
}

/** The fleet: every enrolled device with its last report, most trouble first, and revoking after a question. */
export class AdminDevices {
  devices = $state<DeviceHealth[] | undefined>();
  thresholds = $state<DeviceFleetAnswer['thresholds'] | undefined>();
  readonly revoking: ConfirmedAction<DeviceAnswer>;
  /** Every device of one kind at once: a lost batch, a breach. */
  readonly revokingAll: ConfirmedAction<DeviceKind>;
  readonly #api: DevicesApi;
  readonly #ui: StaffUi;

  constructor(api: DevicesApi, ui: StaffUi) {
    this.#api = api;
    this.#ui = ui;
    this.revoking = new ConfirmedAction<DeviceAnswer>({
      run: async (device) => {
        await api.revokeDevice(device.id);
        return ui.t('staff:devices.revoked', { name: device.name });
      },
      failure: ui.failure,
      after: () => this.load(),
      doneFocusId: 'devices-heading',
      buttonId: (device) => `revoke-${device.id}`,
    });
    this.revokingAll = new ConfirmedAction<DeviceKind>({
      run: async (kind) => {
        const { revoked } = await api.revokeAllDevices(kind);
        return ui.t(`staff:devices.revokeAll.done.${kind}`, { count: revoked });
      },
      failure: ui.failure,
      after: () => this.load(),
      doneFocusId: 'devices-heading',
      buttonId: (kind) => `revoke-all-${kind}`,
    });
  }

  /** How many devices of a kind are still active: the question names the number. */
  activeCount(kind: DeviceKind): number {
    return (this.devices ?? []).filter((d) => d.kind === kind && !d.revokedAt).length;
  }

  async load(): Promise<void> {
    try {
      // The server sorts by trouble (its rules decide which device needs attention first).
      ({ devices: this.devices, thresholds: this.thresholds } = await this.#api.listDevices());
    } catch (error) {
      this.revoking.failed = this.#ui.failure(error);
    }
  }

  reset(): void {
    this.devices = undefined;
    this.thresholds = undefined;
    this.revoking.reset();
    this.revokingAll.reset();
  }
}
