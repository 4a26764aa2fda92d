import type { Vault } from '#vault/vault.ts';
import { translator, type Language, type Translate } from '#app/shared/i18n.ts';
import { session } from '#app/shared/session.svelte.ts';
import type { StaffRole } from './staff-login.ts';

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
  newStaff = $state.raw<{ username: string; role: StaffRole } | undefined>();
  lockedBecause = $state<LockReason | undefined>();
  /** Set after five wrong PINs wiped the drafts key: how many drafts were queued sealed first. */
  wiped = $state<{ rescued: number; notRescued: number } | undefined>();
  t: Translate = $derived(translator(session.language));

  get language(): Language {
    return session.language;
  }

  set language(language: Language) {
    session.language = language;
  }

  open(vault: Vault): void {
    this.vault = vault;
    this.newStaff = undefined;
    this.lockedBecause = undefined;
    this.wiped = undefined;
    this.phase = 'open';
  }

  lock(reason: LockReason): void {
    if (this.phase !== 'open') return;
    this.vault?.lock();
    this.vault = undefined;
    this.lockedBecause = reason;
    this.forgetCitizens();
    this.phase = 'locked';
  }

  /** Five wrong PINs: the drafts key is gone; only the online sign-in opens the tablet again. */
  wipedOut(rescued: number, notRescued: number): void {
    this.vault = undefined;
    this.lockedBecause = undefined;
    this.wiped = { rescued, notRescued };
    this.forgetCitizens();
    this.phase = 'sign-in';
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
    this.wiped = undefined;
    session.reset();
    this.phase = 'starting';
  }
}

export const ui = new TabletUi();
