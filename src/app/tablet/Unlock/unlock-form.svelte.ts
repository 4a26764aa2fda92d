import { unlock, type UnlockResult } from '#vault/vault.ts';
import type { Problem } from '../problems.ts';

/** The PIN typed to unlock. Cleared after every try: a PIN never stays in memory longer than needed. */
export class UnlockForm {
  pin = $state('');
  busy = $state(false);
  problems = $state<Problem[]>([]);
  /** The unlock failed for another reason than the PIN (storage). */
  failed = $state(false);

  constructor(private readonly open: (pin: string) => Promise<UnlockResult> = (pin) => unlock(pin)) {}

  required(): boolean {
    this.problems = this.pin ? [] : [{ field: 'pin-unlock', key: 'unlock.errors.required' }];
    return this.problems.length === 0;
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
    if (!this.required()) return undefined;
    this.busy = true;
    try {
      const result = await this.open(this.pin);
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
    this.pin = '';
    this.busy = false;
    this.problems = [];
    this.failed = false;
  }
}
