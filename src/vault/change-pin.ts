import { PBKDF2_ITERATIONS, SALT_BYTES, pinKey, randomBytes, rewrapDraftsKey } from './crypto.ts';
import { withStaffDb } from './db.ts';
import { InvalidPinError, NoProfileError } from './errors.ts';
import { pinProblem } from './pin.ts';
import { newPinProblem } from './pin-strength.ts';
import type { VaultOptions } from './vault.ts';

export type ChangePinResult = { ok: true } | { ok: false; reason: 'wrong-pin' | 'changed-meanwhile' };

/**
 * Changes the PIN of `username`'s profile: the same drafts key (so every draft stays readable)
 * wrapped under a key derived from the new PIN with a new salt. The current PIN is needed: it must
 * unwrap the key. Asked on an unlocked tablet, so a wrong current PIN is refused but not counted
 * towards the wipe (whoever holds the open tablet has the drafts key already). A new PIN that
 * breaks the rules (pin-strength.ts) throws InvalidPinError.
 */
export async function changePin(username: string, current: string, next: string, options: VaultOptions = {}): Promise<ChangePinResult> {
  const problem = newPinProblem(next);
  if (problem) throw new InvalidPinError(problem);
  const profile = await withStaffDb('tablet.read-profile', (db) => db.profiles.get(username));
  if (!profile) throw new NoProfileError();
  if (pinProblem(current)) return { ok: false, reason: 'wrong-pin' };
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = randomBytes(SALT_BYTES);
  const wrappedKey = await rewrapDraftsKey(profile.wrappedKey, await pinKey(current, profile.salt, profile.iterations), await pinKey(next, salt, iterations));
  if (!wrappedKey) return { ok: false, reason: 'wrong-pin' };
  return withStaffDb('tablet.change-pin', (db) =>
    db.transaction('rw', db.profiles, async (): Promise<ChangePinResult> => {
      // Wiped or replaced from another tab meanwhile: do not bring an old profile back.
      const now = await db.profiles.get(username);
      if (!now || now.username !== username || now.createdAt !== profile.createdAt) return { ok: false, reason: 'changed-meanwhile' };
      await db.profiles.put({ ...now, salt, iterations, wrappedKey, wrongPins: 0 });
      return { ok: true };
    }),
  );
}
