import type { Kysely, Migration } from 'kysely';

/**
 * Migration 009: staff accounts' second factor. The TOTP secret is sealed under the key-encryption
 * key (crypto/key-wrap.ts); `confirmed_at` stays empty until the owner has typed a first code;
 * `last_step` is the last time step used, so no code works twice; `recovery_hashes` is a JSON list
 * of the unused recovery codes' hashes. `users.must_change_password` is set by an admin's reset: the
 * temporary password only lets its owner choose a new one.
 */
export const secondFactorsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('staff_second_factors')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
      .addColumn('sealed_secret', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('last_step', 'bigint')
      .addColumn('recovery_hashes', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
