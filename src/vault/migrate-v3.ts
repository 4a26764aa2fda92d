import type { Transaction } from 'dexie';
import type { StoredDraft, StoredProfile } from './db.ts';

/** Versions 1 and 2 kept the one profile under this out-of-line key. */
const LEGACY_PROFILE_KEY = 'self';

/**
 * The upgrade to shared tablets (database version 3): the one profile of an older tablet becomes
 * the first person's, and every draft becomes theirs, unchanged (same ciphertext, same key, same
 * sealed rescue copy): that person's PIN opens them as before. Drafts without a profile (a wipe
 * that could not finish) cannot be read by anyone; they are kept under an empty owner so that no
 * later profile mistakes them for its own.
 */
export async function migrateToShared(tx: Transaction): Promise<void> {
  const profile = (await tx.table('profile').get(LEGACY_PROFILE_KEY)) as StoredProfile | undefined;
  const owner = profile?.username ?? '';
  if (profile) await tx.table('profiles').put(profile);
  const drafts = (await tx.table('drafts').toArray()) as Omit<StoredDraft, 'owner'>[];
  if (drafts.length > 0) await tx.table('personalDrafts').bulkPut(drafts.map((d) => ({ ...d, owner })));
}
