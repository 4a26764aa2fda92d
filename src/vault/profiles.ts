import { withStaffDb, type StoredProfile } from './db.ts';
import type { StaffProfile } from './vault.ts';

/** Everyone with a profile on this tablet (no keys), in the order they first signed in here. */
export async function readProfiles(): Promise<StaffProfile[]> {
  const stored = await withStaffDb('tablet.read-profiles', (db) => db.profiles.toArray());
  return stored.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.username.localeCompare(b.username)).map(publicProfile);
}

/** One staff member's profile on this tablet, without any key; undefined before their first online sign-in here. */
export async function readProfile(username: string): Promise<StaffProfile | undefined> {
  const stored = await withStaffDb('tablet.read-profile', (db) => db.profiles.get(username));
  return stored && publicProfile(stored);
}

function publicProfile({ username, role, displayName, createdAt, wrongPins }: StoredProfile): StaffProfile {
  return { username, role, ...(displayName ? { displayName } : {}), createdAt, wrongPins };
}
