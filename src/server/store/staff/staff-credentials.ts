import type { Kysely, Migration } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Staff credentials (migration 010): what a tablet gets when a staff member signs in on it online,
 * bound to that device and that account. The tablet keeps the token beside the work it queues
 * (never inside the sealed payload); ingest names the assisting staff member from the credential,
 * never from the payload. Rows are kept after they expire, so that work sealed while one was valid
 * and sent days later can still be vouched for.
 */
export interface StaffCredentialsTable {
  staff_credentials: {
    token_hash: string;
    device_id: string;
    user_id: string;
    issued_at: string;
    expires_at: string;
  };
}

/** A credential with the account it names, as that account is now. */
export interface StaffCredential {
  deviceId: string;
  userId: string;
  username: string;
  issuedAt: string;
  expiresAt: string;
  /** When the account was deactivated, if it was. */
  disabledAt: string | null;
}

export const staffCredentialsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('staff_credentials')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    // Set when the account that assisted was deactivated after sealing the work (1), else NULL.
    await db.schema.alterTable('submissions').addColumn('assisted_by_disabled', 'integer').execute();
  },
};

export async function saveStaffCredential(db: Kysely<Database>, c: { tokenHash: string; deviceId: string; userId: string; issuedAt: string; expiresAt: string }) {
  await db.insertInto('staff_credentials').values({ token_hash: c.tokenHash, device_id: c.deviceId, user_id: c.userId, issued_at: c.issuedAt, expires_at: c.expiresAt }).execute();
}

export async function staffCredentialByHash(db: Kysely<Database>, tokenHash: string): Promise<StaffCredential | undefined> {
  const r = await db
    .selectFrom('staff_credentials')
    .innerJoin('users', 'users.id', 'staff_credentials.user_id')
    .select(['staff_credentials.device_id', 'staff_credentials.user_id', 'users.username', 'staff_credentials.issued_at', 'staff_credentials.expires_at', 'users.disabled_at'])
    .where('staff_credentials.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r && { deviceId: r.device_id, userId: r.user_id, username: r.username, issuedAt: r.issued_at, expiresAt: r.expires_at, disabledAt: r.disabled_at };
}
