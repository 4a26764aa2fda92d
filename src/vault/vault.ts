import { requestType } from '#forms/registry.ts';
import { PBKDF2_ITERATIONS, SALT_BYTES, decryptDraft, encryptDraft, newDraftsKey, pinKey, randomBytes, unwrapDraftsKey } from './crypto.ts';
import { withStaffDb, type StoredDraft, type StoredProfile } from './db.ts';
import { DraftUnreadableError, InvalidPinError, NoProfileError, ProfileHasDraftsError, VaultLockedError } from './errors.ts';
import { MAX_WRONG_PINS, pinProblem } from './pin.ts';
import { newPinProblem } from './pin-strength.ts';
import { rescueAndWipe, sealRescueCopy } from './rescue.ts';
import { keepRenewalSecret, readRenewalSecret } from './renewal-secret.ts';
import { removeProfile } from './sign-out.ts';

/**
 * The staff tablet's vault: a profile per staff member made after their online sign-in, each
 * unlocked offline with that person's PIN, holding their drafts encrypted under a key only their
 * PIN unwraps. See
 * crypto.ts for the keys and README.md for the whole picture.
 */

export type StaffRole = 'caseworker' | 'admin';

export interface StaffProfile {
  username: string;
  role: StaffRole;
  /** The organisation's name for the person, when their sign-in gave one (an account of its login is named sso-…). */
  displayName?: string;
  /** ISO timestamp. */
  createdAt: string;
  wrongPins: number;
}

/** Plain metadata only, never citizen data (label is e.g. the form's title key). */
export interface DraftSummary {
  id: string;
  formId: string;
  /** ISO timestamp. */
  updatedAt: string;
  label?: string;
  /** Whether a sealed copy would reach the office if the key were wiped (false when not enrolled). */
  rescuable: boolean;
}

export interface Draft {
  id: string;
  formId: string;
  formVersion: number;
  stepIndex: number;
  answers: Record<string, unknown>;
  /** ISO timestamp. */
  updatedAt: string;
}

export type DraftInput = Omit<Draft, 'updatedAt' | 'formVersion'> & {
  /** Defaults to the form's current schema version in the registry (src/forms), else 1. */
  formVersion?: number;
  /** Stored in plain for the list: not citizen data (e.g. the form's title key). */
  label?: string;
};

/** Who signed in online, as the sign-in told it. */
export interface NewStaff {
  username: string;
  role: StaffRole;
  displayName?: string;
  /** Renews their staff credential; kept under the new PIN (renewal-secret.ts). */
  renewalSecret?: string;
}

export interface Vault {
  readonly username: string;
  readonly role: StaffRole;
  /** The person's name for the screens: the display name where there is one, else the username. */
  readonly name: string;
  /** Newest first. */
  listDrafts(): Promise<DraftSummary[]>;
  /** Undefined when there is no such draft; DraftUnreadableError when it fails its integrity check. */
  loadDraft(id: string): Promise<Draft | undefined>;
  /** Encrypts and stores (replacing a draft with the same id), with a fresh sealed copy for the office. */
  saveDraft(draft: DraftInput): Promise<void>;
  deleteDraft(id: string): Promise<void>;
  /**
   * Takes this staff member off the tablet: locks, then deletes their wrapped key, their profile
   * and their drafts (unreadable without the key anyway; the screen warns first). What they
   * queued in the outbox is sealed for the server and stays there. Other people are not touched.
   */
  signOut(): Promise<void>;
  /** The secret that renews this person's staff credential, if one is kept (renewal-secret.ts). */
  renewalSecret(): Promise<string | undefined>;
  /** Keeps the secret a renewal or a new online sign-in gave, in place of the one used. */
  keepRenewalSecret(secret: string): Promise<void>;
  /** Forgets the key in memory; every later call throws VaultLockedError. */
  lock(): void;
  readonly locked: boolean;
}

export type UnlockResult =
  | { ok: true; vault: Vault }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  /** rescued: drafts queued for the office; notRescued: drafts without a sealed copy (tablet not enrolled), lost. */
  | { ok: false; reason: 'wiped'; rescued: number; notRescued: number };

export interface VaultOptions {
  /** PBKDF2 iterations for a new profile; PBKDF2_ITERATIONS unless a test needs speed. */
  iterations?: number;
  /** The clock; for tests. */
  now?: () => Date;
}

/**
 * Makes a staff member's profile after a successful online sign-in, with a new drafts key of their
 * own wrapped under their PIN. Other people's profiles on the tablet are not touched. Replaces
 * this person's earlier profile only when it has no drafts: they are encrypted under its key and
 * would become unreadable (ProfileHasDraftsError).
 */
export async function createProfile(p: NewStaff, pin: string, options: VaultOptions = {}): Promise<Vault> {
  const problem = newPinProblem(pin);
  if (problem) throw new InvalidPinError(problem);
  const now = options.now ?? (() => new Date());
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = randomBytes(SALT_BYTES);
  const { wrapped, key } = await newDraftsKey(await pinKey(pin, salt, iterations));
  const profile: StoredProfile = {
    username: p.username,
    role: p.role,
    ...(p.displayName ? { displayName: p.displayName } : {}),
    createdAt: now().toISOString(),
    wrongPins: 0,
    salt,
    iterations,
    wrappedKey: wrapped,
  };
  await withStaffDb('tablet.create-profile', (db) =>
    db.transaction('rw', db.profiles, db.personalDrafts, async () => {
      const drafts = await db.personalDrafts.where('owner').equals(p.username).count();
      if (drafts > 0) throw new ProfileHasDraftsError(p.username, drafts);
      await db.profiles.put(profile);
    }),
  );
  const vault = openVault(profile, key, now);
  if (p.renewalSecret) await vault.keepRenewalSecret(p.renewalSecret);
  return vault;
}

/**
 * Unlocks `username`'s profile with their PIN. The attempt is counted before the key is tried, so
 * closing the tab mid-try does not undo it; a right PIN resets the count. When the count reaches
 * MAX_WRONG_PINS that person's drafts are queued sealed in the outbox, and only after that has
 * committed are their drafts, wrapped key and profile deleted; nobody else's (README.md says why).
 * If queuing fails, nothing is deleted and RescueFailedError is thrown; the next call (with any
 * PIN) tries the rescue again first.
 */
export async function unlock(username: string, pin: string, options: VaultOptions = {}): Promise<UnlockResult> {
  const now = options.now ?? (() => new Date());
  const profile = await withStaffDb('tablet.count-attempt', (db) =>
    db.transaction('rw', db.profiles, async () => {
      const current = await db.profiles.get(username);
      if (!current) throw new NoProfileError();
      // Already at the limit (a rescue was interrupted or failed): no more tries, finish the wipe.
      if (current.wrongPins >= MAX_WRONG_PINS) return current;
      const counted = { ...current, wrongPins: current.wrongPins + 1 };
      await db.profiles.put(counted);
      return { ...counted, tryPin: true };
    }),
  );
  if ('tryPin' in profile) {
    const key = pinProblem(pin) ? undefined : await unwrapDraftsKey(profile.wrappedKey, await pinKey(pin, profile.salt, profile.iterations));
    if (key) {
      const reset = await withStaffDb('tablet.reset-attempts', (db) =>
        db.transaction('rw', db.profiles, async () => {
          const current = await db.profiles.get(username);
          if (!current) throw new NoProfileError();
          const next = { ...current, wrongPins: 0 };
          await db.profiles.put(next);
          return next;
        }),
      );
      return { ok: true, vault: openVault(reset, key, now) };
    }
    if (profile.wrongPins < MAX_WRONG_PINS) return { ok: false, reason: 'wrong-pin', attemptsLeft: MAX_WRONG_PINS - profile.wrongPins };
  }
  return rescueAndWipe(username, now);
}

interface DraftContent {
  formVersion: number;
  stepIndex: number;
  answers: Record<string, unknown>;
  updatedAt: string;
}

function openVault(profile: StoredProfile, draftsKey: CryptoKey, now: () => Date): Vault {
  let key: CryptoKey | undefined = draftsKey;
  const { username, role } = profile;
  const keyFor = (operation: string): CryptoKey => {
    if (!key) throw new VaultLockedError(operation);
    return key;
  };

  return {
    username,
    role,
    name: profile.displayName ?? username,
    get locked() {
      return key === undefined;
    },
    lock() {
      key = undefined;
    },

    async listDrafts() {
      keyFor('tablet.listDrafts');
      const rows = await withStaffDb('tablet.list-drafts', (db) => db.personalDrafts.where('owner').equals(username).toArray());
      rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return rows.map(({ id, formId, updatedAt, label, sealed }) => ({ id, formId, updatedAt, ...(label === undefined ? {} : { label }), rescuable: sealed !== undefined }));
    },

    async loadDraft(id) {
      const k = keyFor('tablet.loadDraft');
      const row = await withStaffDb('tablet.load-draft', (db) => db.personalDrafts.get([username, id]));
      if (!row) return undefined;
      let content: DraftContent;
      try {
        content = (await decryptDraft(k, row.id, row.formId, row.iv, row.ciphertext)) as DraftContent;
      } catch (error) {
        throw new DraftUnreadableError(id, error);
      }
      return { id: row.id, formId: row.formId, formVersion: content.formVersion, stepIndex: content.stepIndex, answers: content.answers, updatedAt: content.updatedAt };
    },

    async saveDraft(input) {
      const k = keyFor('tablet.saveDraft');
      const updatedAt = now().toISOString();
      const formVersion = input.formVersion ?? requestType(input.formId)?.current ?? 1;
      const content: DraftContent = { formVersion, stepIndex: input.stepIndex, answers: input.answers, updatedAt };
      const { iv, ciphertext } = await encryptDraft(k, input.id, input.formId, content);
      const sealed = await sealRescueCopy(
        { formId: input.formId, formVersion, stepIndex: input.stepIndex, savedAt: updatedAt, staffUsername: username, answers: input.answers },
        username,
      );
      // Locked while encrypting: do not write with a key the staff member asked to forget.
      keyFor('tablet.saveDraft');
      const row: StoredDraft = { owner: username, id: input.id, formId: input.formId, updatedAt, iv, ciphertext, ...(input.label === undefined ? {} : { label: input.label }), ...(sealed ? { sealed } : {}) };
      const saved = await withStaffDb('tablet.save-draft', (db) =>
        db.transaction('rw', db.profiles, db.personalDrafts, async () => {
          // Wiped, signed out or replaced from another tab meanwhile: a draft under this key could never be read again.
          const current = await db.profiles.get(username);
          if (current?.createdAt !== profile.createdAt) return false;
          await db.personalDrafts.put(row);
          return true;
        }),
      );
      if (!saved) {
        key = undefined;
        throw new VaultLockedError('tablet.saveDraft');
      }
    },

    renewalSecret() {
      return readRenewalSecret(keyFor('tablet.renewalSecret'), username);
    },

    async keepRenewalSecret(secret) {
      if (!(await keepRenewalSecret(keyFor('tablet.keepRenewalSecret'), username, profile.createdAt, secret))) {
        key = undefined;
        throw new VaultLockedError('tablet.keepRenewalSecret');
      }
    },

    async deleteDraft(id) {
      keyFor('tablet.deleteDraft');
      await withStaffDb('tablet.delete-draft', (db) => db.personalDrafts.delete([username, id]));
    },

    async signOut() {
      keyFor('tablet.signOut');
      key = undefined;
      await removeProfile(username, profile.createdAt, now());
    },
  };
}
