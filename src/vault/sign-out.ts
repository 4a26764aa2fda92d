import { withStaffDb } from './db.ts';

/**
 * Deletes one staff member's profile (their wrapped drafts key) and every draft of theirs, in one
 * transaction. `createdAt` names the profile that was open: a profile made again meanwhile (in
 * another tab) is a new key and is not this sign-out's to delete. The outbox is not touched:
 * what they queued is sealed for the server and is sent as before.
 */
export async function removeProfile(username: string, createdAt: string, at: Date): Promise<void> {
  await withStaffDb('tablet.sign-out', (db) =>
    db.transaction('rw', db.profiles, db.personalDrafts, db.events, async () => {
      const current = await db.profiles.get(username);
      if (current?.createdAt !== createdAt) return;
      await db.personalDrafts.where('owner').equals(username).delete();
      await db.profiles.delete(username);
      // Told to the audit log when the tablet is next online (device-events.ts), as a wipe is.
      await db.events.add({ kind: 'sign_out', at: at.toISOString(), username });
    }),
  );
}
