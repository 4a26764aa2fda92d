import { unlock, type UnlockResult, type Vault } from '#vault/vault.ts';
import { confirmOnline, type OnlineUnlock } from './online-unlock.ts';
import type { Problem } from '../problems.ts';

/**
 * Who is unlocking (on a shared tablet, chosen from the people with a PIN here) and the PIN they
 * typed. The PIN is cleared after every try: it never stays in memory longer than needed.
 */
export class UnlockForm {
  /** The staff member whose profile the PIN is tried against. */
  username = $state('');
  pin = $state('');
  busy = $state(false);
  problems = $state<Problem[]>([]);
  /** The unlock failed for another reason than the PIN (storage). */
  failed = $state(false);
  /** The server says this account was deactivated: the right PIN no longer opens the tablet. */
  accountDisabled = $state(false);

  constructor(
    private readonly open: (username: string, pin: string) => Promise<UnlockResult> = (username, pin) => unlock(username, pin),
    /** Online, the server renews the person's credential and says whether the account may still work; offline the PIN alone decides. */
    private readonly confirm: (vault: Vault) => Promise<OnlineUnlock> = (vault) => confirmOnline(vault),
  ) {}

  required(): boolean {
    const found: Problem[] = [];
    if (!this.username) found.push({ field: 'unlock-who', key: 'unlock.errors.whoRequired' });
    if (!this.pin) found.push({ field: 'pin-unlock', key: 'unlock.errors.required' });
    this.problems = found;
    return found.length === 0;
  }

  /** Another person is chosen: what was typed and said for the previous one goes. */
  choose(username: string): void {
    if (username === this.username) return;
    this.username = username;
    this.pin = '';
    this.problems = [];
    this.failed = false;
    this.accountDisabled = false;
  }

  wrong(attemptsLeft: number): void {
    this.pin = '';
    this.problems = [{ field: 'pin-unlock', key: 'unlock.errors.wrong', values: { count: attemptsLeft } }];
  }

  /**
   * Tries the PIN: the open vault, or the wipe after the last wrong PIN (the caller acts on both);
   * undefined with `problems` (no PIN, a wrong one) or `failed` set.
   */
  async submit(): Promise<Exclude<UnlockResult, { reason: 'wrong-pin' }> | undefined> {
    this.failed = false;
    this.accountDisabled = false;
    if (!this.required()) return undefined;
    this.busy = true;
    try {
      const result = await this.open(this.username, this.pin);
      if (result.ok && (await this.confirm(result.vault).catch((): OnlineUnlock => 'unknown')) === 'disabled') {
        // A leaver: the drafts key goes from memory at once, and the tablet stays locked.
        result.vault.lock();
        this.pin = '';
        this.accountDisabled = true;
        return undefined;
      }
      if (result.ok || result.reason === 'wiped') {
        this.reset();
        return result;
      }
      this.wrong(result.attemptsLeft);
      return undefined;
    } catch (error) {
      console.error('tablet: unlock failed', error instanceof Error ? error.name : typeof error);
      this.pin = '';
      this.failed = true;
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.username = '';
    this.pin = '';
    this.busy = false;
    this.problems = [];
    this.failed = false;
    this.accountDisabled = false;
  }
}
