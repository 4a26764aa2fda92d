import { sql, type Kysely, type Migration } from 'kysely';
import type { Database } from '../schema.ts';
import { insertAudit } from '../audit/audit-store.ts';
import type { DeviceKind } from './device-store.ts';

/**
 * Device tokens that expire and rotate (migration 016). A token works until `token_expires_at`;
 * a device in contact asks for a fresh one well before that (POST /api/v1/devices/token). The
 * token it replaced keeps working until `previous_token_until`, so an answer lost on the way does
 * not lock the device out; after that overlap the old token is worth nothing.
 */

/** What a token is worth when no DEVICE_TOKEN_DAYS is set. */
export const DEFAULT_DEVICE_TOKEN_DAYS = 90;
/** How long a replaced token still works: long enough for a retry, short enough to be of little use to a thief. */
export const DEFAULT_TOKEN_OVERLAP_MS = 60 * 60 * 1000;

/** Tokens issued before expiry existed get a full default lifetime counted from the migration. */
export const deviceTokensMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('devices').addColumn('token_expires_at', 'text').execute();
    await db.schema.alterTable('devices').addColumn('previous_token_hash', 'text').execute();
    await db.schema.alterTable('devices').addColumn('previous_token_until', 'text').execute();
    const expires = new Date(Date.now() + DEFAULT_DEVICE_TOKEN_DAYS * 86_400_000).toISOString();
    await db.updateTable('devices').set({ token_expires_at: expires }).where('token_expires_at', 'is', null).execute();
    await db.schema.createIndex('devices_previous_token_hash').on('devices').column('previous_token_hash').execute();
  },
};

export function tokenExpiry(issuedAt: Date, days: number): string {
  return new Date(issuedAt.getTime() + days * 86_400_000).toISOString();
}

export interface TokenRotation {
  deviceId: string;
  /** The hash of the token the device presented: its current one, or the one just replaced (a retry). */
  presentedHash: string;
  newHash: string;
  at: string;
  expiresAt: string;
  overlapUntil: string;
}

/**
 * Replaces the device's token and audits it, in one transaction. A retry with the token already
 * replaced (the first answer was lost) gets another fresh token, but the overlap is not extended:
 * whoever holds an old token cannot keep it alive. False when the presented token no longer fits.
 */
export function rotateDeviceToken(db: Kysely<Database>, r: TokenRotation): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('devices').select(['token_hash', 'previous_token_hash', 'previous_token_until', 'revoked_at']).where('id', '=', r.deviceId).executeTakeFirst();
    if (!row || row.revoked_at) return false;
    const retry = row.token_hash !== r.presentedHash;
    if (retry && !(row.previous_token_hash === r.presentedHash && (row.previous_token_until ?? '') > r.at)) return false;
    const previous = retry ? {} : { previous_token_hash: r.presentedHash, previous_token_until: r.overlapUntil };
    const result = await trx
      .updateTable('devices')
      .set({ token_hash: r.newHash, token_expires_at: r.expiresAt, ...previous })
      .where('id', '=', r.deviceId)
      .where('token_hash', '=', row.token_hash)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await insertAudit(trx, { at: r.at, actor: `device:${r.deviceId}`, action: 'rotate_device_token', target: r.deviceId, detail: { expiresAt: r.expiresAt, ...(retry ? { retry: true } : {}) } });
    return true;
  });
}

/**
 * Revokes every active device of one kind, each audited as `revoke_device` and the whole as one
 * `revoke_all_devices`, in one transaction. Answers how many were revoked.
 */
export function revokeDevicesOfKind(db: Kysely<Database>, kind: DeviceKind, at: string, actor: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('devices').select('id').where('kind', '=', kind).where('revoked_at', 'is', null).orderBy('id').execute();
    if (rows.length > 0) {
      await trx.updateTable('devices').set({ revoked_at: at, previous_token_until: sql<string | null>`NULL` }).where('kind', '=', kind).where('revoked_at', 'is', null).execute();
    }
    for (const { id } of rows) await insertAudit(trx, { at, actor, action: 'revoke_device', target: id, detail: { all: kind } });
    await insertAudit(trx, { at, actor, action: 'revoke_all_devices', target: kind, detail: { count: rows.length } });
    return rows.length;
  });
}
