import type { Kysely, Migration } from 'kysely';

/**
 * Migration 017: `users.display_name` is the name the organisation's identity provider gives an
 * account made at sign-in (stored at each sign-in, so a renamed colleague shows the new name); the
 * username stays the stable key. `sessions.via` is how a session was opened (`oidc` for the
 * organisation's login, empty for a local password): an admin signed in through the organisation's
 * login is exempt from our own second factor, as the provider asks for one.
 */
export const displayNamesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('users').addColumn('display_name', 'text').execute();
    await db.schema.alterTable('sessions').addColumn('via', 'text').execute();
  },
};
