/** Typed failures of the staff tablet's vault; the UI maps each to a sentence. */

/** The vault was locked (lock(), auto-lock or a wipe); unlock again with the PIN. */
export class VaultLockedError extends Error {
  override readonly name = 'VaultLockedError';
  constructor(readonly operation: string) {
    super(`${operation}: the vault is locked`);
  }
}

/** A new profile would orphan the drafts encrypted under the old one's key: finish or delete them first. */
export class ProfileHasDraftsError extends Error {
  override readonly name = 'ProfileHasDraftsError';
  constructor(readonly username: string, readonly drafts: number) {
    super(`tablet.createProfile: the profile of ${username} still has ${drafts} draft(s)`);
  }
}

/** unlock() without a profile: the first sign-in must be online (createProfile). */
export class NoProfileError extends Error {
  override readonly name = 'NoProfileError';
  constructor() {
    super('tablet.unlock: there is no staff profile on this tablet');
  }
}

/** The PIN breaks the rules of pin.ts; nothing was stored. */
export class InvalidPinError extends Error {
  override readonly name = 'InvalidPinError';
  constructor(readonly problem: 'too-short' | 'not-digits' | 'too-simple' | 'date-like') {
    super(`tablet.createProfile: the PIN is ${problem}`);
  }
}

/**
 * The 5th wrong PIN: the drafts could not be handed to the outbox, so nothing was wiped. The
 * next unlock() tries the rescue again before anything else; the drafts stay encrypted meanwhile.
 */
export class RescueFailedError extends Error {
  override readonly name = 'RescueFailedError';
  constructor(override readonly cause: unknown) {
    super('tablet.unlock: the drafts could not be queued for the office, so nothing was wiped', { cause });
  }
}

/** A stored draft failed its integrity check (damaged or tampered); it is not returned. */
export class DraftUnreadableError extends Error {
  override readonly name = 'DraftUnreadableError';
  constructor(readonly draftId: string, override readonly cause: unknown) {
    super(`tablet.loadDraft: draft ${draftId} cannot be decrypted`, { cause });
  }
}
