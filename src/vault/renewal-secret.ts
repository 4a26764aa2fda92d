import { decryptDraft, encryptDraft } from './crypto.ts';
import { withStaffDb } from './db.ts';

/**
 * The secret that renews a staff member's credential (src/outbox/staff-credential.ts) is kept in
 * their profile, encrypted under their drafts key: only their PIN opens it. A copy of the tablet's
 * storage holds the device token and the credential in the clear, and cannot renew with them.
 * It goes with the profile (sign-out, a wipe); a new PIN rewraps the key, not the secret.
 */

/** Binds the ciphertext to its use and its owner (AES-GCM additional data, as a draft's id and form). */
const PURPOSE = 'staff-credential-renewal';

/** Keeps `secret` for the profile `createdAt` names; false when that profile is gone or was replaced meanwhile. */
export async function keepRenewalSecret(key: CryptoKey, username: string, createdAt: string, secret: string): Promise<boolean> {
  const renewal = await encryptDraft(key, PURPOSE, username, secret);
  return withStaffDb('tablet.keep-renewal-secret', (db) =>
    db.transaction('rw', db.profiles, async () => {
      const current = await db.profiles.get(username);
      if (current?.createdAt !== createdAt) return false;
      await db.profiles.put({ ...current, renewal });
      return true;
    }),
  );
}

/** The kept secret; undefined when there is none (a profile from before renewals) or it does not open. */
export async function readRenewalSecret(key: CryptoKey, username: string): Promise<string | undefined> {
  const profile = await withStaffDb('tablet.read-renewal-secret', (db) => db.profiles.get(username));
  if (!profile?.renewal) return undefined;
  try {
    const secret = await decryptDraft(key, PURPOSE, username, profile.renewal.iv, profile.renewal.ciphertext);
    return typeof secret === 'string' ? secret : undefined;
  } catch {
    return undefined;
  }
}
