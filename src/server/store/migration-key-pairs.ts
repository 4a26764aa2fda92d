import type { Kysely, Migration } from 'kysely';
import { KekError } from '../crypto/key-encryption-key.ts';
import { sealPrivateKey } from '../crypto/key-wrap.ts';

/** What a migration may need that is not in the database: the KEK never is. */
export interface MigrationContext {
  kek?: Buffer;
  /** Set when a migration removed plaintext secrets: SQLite then vacuums, so no old page keeps them. */
  removedPlaintext?: boolean;
}

/**
 * Migration 006: the server's key pairs as a list (`key_pairs`), each private key sealed under the
 * KEK (crypto/key-wrap.ts). One row per key: an algorithm column and a `current` flag per
 * algorithm, so that another kind of key (an ECDH P-256 key, say) can sit beside the RSA key.
 * Keys from before, stored in plain JSON in `server_keys`, are sealed and that table is dropped.
 */
export function keyPairsMigration(context: MigrationContext): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('key_pairs')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('algorithm', 'text', (c) => c.notNull())
        .addColumn('public_jwk', 'text', (c) => c.notNull())
        .addColumn('sealed_private_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // 1 for the key devices encrypt for now, NULL for older keys kept to open what they sealed.
        .addColumn('current', 'integer')
        .execute();
      await db.schema.createIndex('key_pairs_current').unique().on('key_pairs').columns(['algorithm', 'current']).execute();
      const old = await db.selectFrom('server_keys').selectAll().execute();
      if (old.length > 0 && !context.kek) {
        throw new KekError('The database holds a server key in plain text from an older version; it is encrypted on the first start with a key-encryption key (KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE)');
      }
      for (const row of old) {
        await db
          .insertInto('key_pairs')
          .values({
            kid: row.kid,
            algorithm: 'RSA-OAEP-256',
            public_jwk: row.public_jwk,
            sealed_private_key: sealPrivateKey(context.kek!, row.kid, JSON.parse(row.private_jwk) as JsonWebKey),
            created_at: row.created_at,
            current: row.active === 1 ? 1 : null,
          })
          .execute();
      }
      await db.schema.dropTable('server_keys').execute();
      if (old.length > 0) context.removedPlaintext = true;
    },
  };
}
