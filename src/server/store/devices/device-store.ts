import type { Kysely, Selectable } from 'kysely';
import { deviceKinds } from '#contract/staff.ts';
import type { DeviceReport } from '#contract/device-report.ts';
import type { Database } from '../schema.ts';
import { insertAudit, SYSTEM_ACTOR } from '../audit/audit-store.ts';
import { listDeviceReports, saveDeviceReport, type StoredDeviceReport } from './device-reports.ts';
import { revokeDevicesOfKind, rotateDeviceToken, type TokenRotation } from './device-tokens.ts';

export { deviceKinds };
export type DeviceKind = (typeof deviceKinds)[number];

export interface Device {
  id: string;
  name: string;
  kind: DeviceKind;
  createdAt: string;
  revokedAt: string | null;
  /** ISO timestamp: when the device's token stops working (migration 016); absent where not yet known. */
  tokenExpiresAt?: string | null;
  /** Set on a look-up that matched the token just replaced, during its overlap. */
  viaPreviousToken?: boolean;
}

/** Which kind of code enrolled a device: the ENROLLMENT_CODE of the environment, or one an admin made. */
export type EnrolmentVia = 'env_code' | 'admin_code';

export interface DeviceStore {
  /** Stores the device and its `enrol_device` audit entry together (naming the admin's code that enrolled it, if one did). */
  createDevice(device: Device, tokenHash: string, via?: EnrolmentVia, enrolmentCodeId?: string): Promise<void>;
  /**
   * Revoked and expired devices are answered too: the caller decides what they may do. A token
   * just replaced by a rotation matches until its overlap ends (`at`, default now).
   */
  deviceByTokenHash(tokenHash: string, at?: string): Promise<Device | undefined>;
  /** Replaces a device's token (device-tokens.ts); false when the presented token no longer fits. */
  rotateDeviceToken(rotation: TokenRotation): Promise<boolean>;
  /** Revokes every active device of one kind and audits it; answers how many. */
  revokeDevicesOfKind(kind: DeviceKind, at: string, actor: string): Promise<number>;
  listDevices(): Promise<Device[]>;
  /** Revokes and audits in one transaction; false (and nothing audited) when there was nothing to revoke. */
  revokeDevice(id: string, at: string, actor?: string): Promise<boolean>;
  /** Keeps a device's latest report and when it came (the fleet view); replaces the previous one. */
  saveDeviceReport(deviceId: string, at: string, report: DeviceReport): Promise<void>;
  listDeviceReports(): Promise<StoredDeviceReport[]>;
}

const toDevice = (r: Selectable<Database['devices']>): Device => ({
  id: r.id,
  name: r.name,
  kind: r.kind as DeviceKind,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  ...(r.token_expires_at ? { tokenExpiresAt: r.token_expires_at } : {}),
});

export function deviceStore(db: Kysely<Database>): DeviceStore {
  return {
    createDevice: (device, tokenHash, via = 'env_code', enrolmentCodeId) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('devices')
          .values({ id: device.id, name: device.name, kind: device.kind, token_hash: tokenHash, created_at: device.createdAt, revoked_at: device.revokedAt, token_expires_at: device.tokenExpiresAt ?? null })
          .execute();
        const detail = { kind: device.kind, via, ...(enrolmentCodeId ? { code: enrolmentCodeId } : {}) };
        await insertAudit(trx, { at: device.createdAt, actor: `device:${device.id}`, action: 'enrol_device', target: device.id, detail });
      }),

    async deviceByTokenHash(tokenHash, at = new Date().toISOString()) {
      const row = await db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      if (row) return toDevice(row);
      const previous = await db
        .selectFrom('devices')
        .selectAll()
        .where('previous_token_hash', '=', tokenHash)
        .where('previous_token_until', '>', at)
        .executeTakeFirst();
      return previous && { ...toDevice(previous), viaPreviousToken: true };
    },

    rotateDeviceToken: (rotation) => rotateDeviceToken(db, rotation),
    revokeDevicesOfKind: (kind, at, actor) => revokeDevicesOfKind(db, kind, at, actor),

    async listDevices() {
      const rows = await db.selectFrom('devices').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toDevice);
    },

    revokeDevice: (id, at, actor = SYSTEM_ACTOR) =>
      db.transaction().execute(async (trx) => {
        const result = await trx.updateTable('devices').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await insertAudit(trx, { at, actor, action: 'revoke_device', target: id, detail: {} });
        return true;
      }),

    saveDeviceReport: (deviceId, at, report) => saveDeviceReport(db, deviceId, at, report),
    listDeviceReports: () => listDeviceReports(db),
  };
}
