import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.ts';
import { insertAudit } from '../audit/audit-store.ts';

/** A key pair as stored: the private half only sealed under the KEK (crypto/key-wrap.ts). */
export interface StoredServerKey {
  kid: string;
  /** `RSA-OAEP-256` today; the list has room for other kinds beside it. */
  algorithm: string;
  publicJwk: JsonWebKey;
  sealedPrivateKey: string;
  createdAt: string;
}

export interface ServerKeyStore {
  /** The key devices encrypt for (of `key.algorithm`). Several processes may race to create it: the first insert wins. */
  activeServerKey(algorithm?: string): Promise<StoredServerKey | undefined>;
  /** Stores `key` as the active key unless one exists already; answers the active key either way. */
  addServerKeyIfNoneActive(key: StoredServerKey): Promise<StoredServerKey>;
  serverKey(kid: string): Promise<StoredServerKey | undefined>;
  /** Every stored key, oldest first (rotation lists them; a KEK change re-seals them). */
  serverKeys(): Promise<(StoredServerKey & { current: boolean })[]>;
  /**
   * Rotation: stores `key` as the active key of its algorithm and keeps the former one (no longer
   * active) to open what was sealed for it, in one transaction, audited as `rotate_server_key`.
   */
  rotateServerKey(key: StoredServerKey, actor: string): Promise<void>;
  /**
   * A new KEK: replaces every key's sealed private half (sealed again under the new KEK by the
   * caller) in one transaction, audited as `rotate_key_encryption_key`. All or nothing.
   */
  resealServerKeys(sealed: readonly { kid: string; sealedPrivateKey: string }[], at: string, actor: string): Promise<void>;
}

const RSA = 'RSA-OAEP-256';

const toKey = (r: Selectable<Database['key_pairs']>): StoredServerKey => ({
  kid: r.kid,
  algorithm: r.algorithm,
  publicJwk: JSON.parse(r.public_jwk) as JsonWebKey,
  sealedPrivateKey: r.sealed_private_key,
  createdAt: r.created_at,
});

const toRow = (key: StoredServerKey) => ({
  kid: key.kid,
  algorithm: key.algorithm,
  public_jwk: JSON.stringify(key.publicJwk),
  sealed_private_key: key.sealedPrivateKey,
  current: 1,
  created_at: key.createdAt,
});

export function serverKeyStore(db: Kysely<Database>): ServerKeyStore {
  const activeServerKey = async (algorithm = RSA) => {
    const row = await db.selectFrom('key_pairs').selectAll().where('algorithm', '=', algorithm).where('current', '=', 1).executeTakeFirst();
    return row && toKey(row);
  };

  return {
    activeServerKey,

    async addServerKeyIfNoneActive(key) {
      await db.insertInto('key_pairs').values(toRow(key)).onConflict((oc) => oc.doNothing()).execute();
      const active = await activeServerKey(key.algorithm);
      if (!active) throw new Error('store.addServerKeyIfNoneActive: no active key after insert');
      return active;
    },

    async serverKey(kid) {
      const row = await db.selectFrom('key_pairs').selectAll().where('kid', '=', kid).executeTakeFirst();
      return row && toKey(row);
    },

    async serverKeys() {
      const rows = await db.selectFrom('key_pairs').selectAll().orderBy('created_at').orderBy('kid').execute();
      return rows.map((r) => ({ ...toKey(r), current: r.current === 1 }));
    },

    resealServerKeys: (sealed, at, actor) =>
      db.transaction().execute(async (trx) => {
        for (const key of sealed) {
          const updated = await trx.updateTable('key_pairs').set({ sealed_private_key: key.sealedPrivateKey }).where('kid', '=', key.kid).executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) throw new Error(`store.resealServerKeys: no key ${key.kid}`);
        }
        await insertAudit(trx, { at, actor, action: 'rotate_key_encryption_key', target: null, detail: { keys: sealed.length } });
      }),

    rotateServerKey: (key, actor) =>
      db.transaction().execute(async (trx) => {
        const former = await trx.selectFrom('key_pairs').select('kid').where('algorithm', '=', key.algorithm).where('current', '=', 1).executeTakeFirst();
        await trx.updateTable('key_pairs').set({ current: null }).where('algorithm', '=', key.algorithm).where('current', '=', 1).execute();
        await trx.insertInto('key_pairs').values(toRow(key)).execute();
        await insertAudit(trx, { at: key.createdAt, actor, action: 'rotate_server_key', target: key.kid, detail: { algorithm: key.algorithm, former: former?.kid ?? null } });
      }),
  };
}
