import type { Vault } from '#vault/vault.ts';
import { translator, type Language, type Translate } from '#app/shared/i18n.ts';
import { session } from '#app/shared/session.svelte.ts';
import type { VerifiedStaff } from './staff-login.ts';

/**
 * Where the tablet is: not enrolled, waiting for the online sign-in, for the PIN to be chosen,
 * locked, or open with the drafts key in memory.
 */
export type Phase = 'starting' | 'not-enrolled' | 'sign-in' | 'set-pin' | 'locked' | 'open' | 'failed';
/** Why the tablet locked itself: staff pressed Lock, nobody touched it, or it was put away. */
export type LockReason = 'manual' | 'idle' | 'hidden';

/**
 * What staff mode holds in memory. The vault (and with it the drafts key) exists only while the
 * tablet is open; lock() forgets it and clears every citizen's answer, so nothing of theirs
 * stays on screen or in memory. The language is the staff member's and survives a lock.
 */
export class TabletUi {
  phase = $state<Phase>('starting');
  vault = $state.raw<Vault | undefined>();
  /** Verified online, PIN not chosen yet. */
  newStaff = $state.raw<VerifiedStaff | undefined>();
  lockedBecause = $state<LockReason | undefined>();
  /**
   * Who used the tablet last (kept for this tab through a reload: a username, never citizen data).
   * The next person to unlock starts at home if it is someone else; the lock screen preselects them.
   */
  lastStaff = $state<string | undefined>(readLastStaff());
  /** The online sign-in was opened to add a staff member to a tablet that already has some: it may be cancelled. */
  adding = $state(false);
  /** …by the person who was open, to sign in again (home asked them to). */
  again = $state(false);
  /** Set after a staff member signed out of this tablet (their name, for the notice). */
  signedOut = $state<string | undefined>();
  /** Set after five wrong PINs wiped the drafts key: how many drafts were queued sealed first. */
  /** name: whose key it was, for the notice on a tablet others still use. */
  wiped = $state<{ rescued: number; notRescued: number; name?: string } | undefined>();
  /** The open person's credential can no longer be renewed: home asks them to sign in online again. */
  signInAgain = $state(false);
  /** Someone with a PIN here signed in online again (their username): the lock screen asks for that PIN. */
  reconfirmed = $state<string | undefined>();
  /** The renewal secret that sign-in gave, kept in their vault at their unlock (Unlock/online-unlock.ts). */
  #renewal: { username: string; secret: string } | undefined;
  t: Translate = $derived(translator(session.language));

  get language(): Language {
    return session.language;
  }

  set language(language: Language) {
    session.language = language;
  }

  /**
   * Opens the tablet for the vault's staff member. Answers whether it is someone else than the
   * person who locked it last (or not known after a reload): then they start at home, never on
   * the previous person's form.
   */
  open(vault: Vault, onlyProfile = true): boolean {
    // Unknown (a new tab): with one person on the tablet it can only be them.
    const switched = this.lastStaff === undefined ? !onlyProfile : this.lastStaff !== vault.username;
    this.setLastStaff(vault.username);
    this.vault = vault;
    this.newStaff = undefined;
    this.lockedBecause = undefined;
    this.wiped = undefined;
    this.signedOut = undefined;
    this.reconfirmed = undefined;
    this.adding = false;
    this.again = false;
    this.phase = 'open';
    return switched;
  }

  lock(reason: LockReason): void {
    if (this.phase !== 'open') return;
    this.signInAgain = false;
    this.vault?.lock();
    this.vault = undefined;
    this.lockedBecause = reason;
    this.forgetCitizens();
    this.phase = 'locked';
  }

  /**
   * Five wrong PINs: that person's drafts key is gone. Others on the tablet still unlock with
   * their own PIN (`othersRemain`); otherwise only the online sign-in opens the tablet again.
   */
  wipedOut(rescued: number, notRescued: number, othersRemain = false, name?: string): void {
    this.vault = undefined;
    this.lockedBecause = undefined;
    this.wiped = { rescued, notRescued, ...(name === undefined ? {} : { name }) };
    this.forgetCitizens();
    this.phase = othersRemain ? 'locked' : 'sign-in';
  }

  /** A staff member signed out (vault.signOut()): the next person unlocks, or signs in if nobody is left. */
  signOut(name: string, othersRemain: boolean): void {
    this.vault = undefined;
    this.setLastStaff(undefined);
    this.lockedBecause = undefined;
    this.signedOut = name;
    this.forgetCitizens();
    this.phase = othersRemain ? 'locked' : 'sign-in';
  }

  /**
   * Someone who already has a PIN here signed in online again (home asked them to): they unlock
   * with that PIN, and their drafts stay theirs; only five wrong PINs replace a PIN.
   */
  signedInAgain(staff: VerifiedStaff): void {
    this.#renewal = staff.renewalSecret ? { username: staff.username, secret: staff.renewalSecret } : undefined;
    this.setLastStaff(staff.username);
    this.reconfirmed = staff.username;
    this.newStaff = undefined;
    this.adding = false;
    this.again = false;
    this.wiped = undefined;
    this.signedOut = undefined;
    this.phase = 'locked';
  }

  /** The renewal secret of `username`'s sign-in just made, once. */
  takeRenewal(username: string): string | undefined {
    if (this.#renewal?.username !== username) return undefined;
    const { secret } = this.#renewal;
    this.#renewal = undefined;
    return secret;
  }

  /** From the locked tablet: another staff member signs in online to get a PIN of their own here. */
  addStaff(again = false): void {
    if (this.phase !== 'locked') return;
    this.adding = true;
    this.again = again;
    this.wiped = undefined;
    this.signedOut = undefined;
    this.phase = 'sign-in';
  }

  /** Back from adding a staff member, to the people already on the tablet. */
  cancelAdd(): void {
    if (!this.adding) return;
    this.adding = false;
    this.again = false;
    this.newStaff = undefined;
    this.phase = 'locked';
  }

  private setLastStaff(username: string | undefined): void {
    this.lastStaff = username;
    try {
      if (username === undefined) sessionStorage.removeItem(LAST_STAFF_KEY);
      else sessionStorage.setItem(LAST_STAFF_KEY, username);
    } catch {
      // No session storage (a test, a locked-down browser): memory only.
    }
  }

  /** Every citizen's answer in memory goes (session.reset() remounts the screens); the language stays. */
  forgetCitizens(): void {
    const language = session.language;
    session.reset();
    session.language = language;
  }

  reset(): void {
    this.vault?.lock();
    this.vault = undefined;
    this.newStaff = undefined;
    this.lockedBecause = undefined;
    this.setLastStaff(undefined);
    this.adding = false;
    this.again = false;
    this.signedOut = undefined;
    this.wiped = undefined;
    this.signInAgain = false;
    this.reconfirmed = undefined;
    this.#renewal = undefined;
    session.reset();
    this.phase = 'starting';
  }
}

const LAST_STAFF_KEY = 'tablet.lastStaff';

function readLastStaff(): string | undefined {
  try {
    return sessionStorage.getItem(LAST_STAFF_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export const ui = new TabletUi();
