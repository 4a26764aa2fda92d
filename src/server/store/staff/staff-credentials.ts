import type { Kysely, Migration } from 'kysely';
import type { Database } from '../schema.ts';
import { insertAudit } from '../audit/audit-store.ts';

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
    /** Migration 020: the hash of the secret that renews this credential once (NULL: not renewable). */
    renewal_hash: string | null;
    /** Migration 020: the online sign-in its chain of renewals started from (NULL: `issued_at`). */
    signed_in_at: string | null;
    /** Migration 020: when it was renewed (its renewal secret used). */
    renewed_at: string | null;
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
  /** The online sign-in its chain of renewals started from. */
  signedInAt: string;
  renewalHash: string | null;
  renewedAt: string | null;
}

/** A new credential's row: at an online sign-in, or renewing another (with that one's `signedInAt`). */
export interface NewStaffCredential {
  tokenHash: string;
  renewalHash: string;
  deviceId: string;
  userId: string;
  issuedAt: string;
  expiresAt: string;
  signedInAt: string;
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

/**
 * Migration 020: a credential can be renewed while the tablet is online, with a secret the tablet
 * keeps under the staff member's PIN; rows from before it are not renewable (their staff sign in
 * online again, as before).
 */
export const staffCredentialRenewalMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('staff_credentials').addColumn('renewal_hash', 'text').execute();
    await db.schema.alterTable('staff_credentials').addColumn('signed_in_at', 'text').execute();
    await db.schema.alterTable('staff_credentials').addColumn('renewed_at', 'text').execute();
  },
};

const row = (c: NewStaffCredential) => ({
  token_hash: c.tokenHash,
  device_id: c.deviceId,
  user_id: c.userId,
  issued_at: c.issuedAt,
  expires_at: c.expiresAt,
  renewal_hash: c.renewalHash,
  signed_in_at: c.signedInAt,
  renewed_at: null,
});

export async function saveStaffCredential(db: Kysely<Database>, c: NewStaffCredential) {
  await db.insertInto('staff_credentials').values(row(c)).execute();
}

/**
 * Renews a credential, audited, in one transaction: the presented one is marked renewed (its
 * first renewal's time stays, so a retry cannot stretch the window for retries) and keeps vouching
 * for work sealed under it until it expires; the new one continues its chain.
 */
export function renewStaffCredential(db: Kysely<Database>, presentedHash: string, next: NewStaffCredential, actor: string): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_credentials').set({ renewed_at: next.issuedAt }).where('token_hash', '=', presentedHash).where('renewed_at', 'is', null).execute();
    await trx.insertInto('staff_credentials').values(row(next)).execute();
    await insertAudit(trx, { at: next.issuedAt, actor, action: 'renew_staff_credential', target: next.deviceId, detail: { expiresAt: next.expiresAt, signedInAt: next.signedInAt } });
  });
}

export async function staffCredentialByHash(db: Kysely<Database>, tokenHash: string): Promise<StaffCredential | undefined> {
  const r = await db
    .selectFrom('staff_credentials')
    .innerJoin('users', 'users.id', 'staff_credentials.user_id')
    .select([
      'staff_credentials.device_id',
      'staff_credentials.user_id',
      'users.username',
      'staff_credentials.issued_at',
      'staff_credentials.expires_at',
      'users.disabled_at',
      'staff_credentials.renewal_hash',
      'staff_credentials.signed_in_at',
      'staff_credentials.renewed_at',
    ])
    .where('staff_credentials.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    r && {
      deviceId: r.device_id,
      userId: r.user_id,
      username: r.username,
      issuedAt: r.issued_at,
      expiresAt: r.expires_at,
      disabledAt: r.disabled_at,
      signedInAt: r.signed_in_at ?? r.issued_at,
      renewalHash: r.renewal_hash,
      renewedAt: r.renewed_at,
    }
  );
}
