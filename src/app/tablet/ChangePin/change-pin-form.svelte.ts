import { changePin, type ChangePinResult } from '#vault/change-pin.ts';
import { newPinProblems } from '../new-pin.ts';
import type { Problem } from '../problems.ts';

/** Changing the PIN: the current one, then the new one typed twice (the rules are src/vault/pin-strength.ts). */
export class ChangePinForm {
  current = $state('');
  pin = $state('');
  again = $state('');
  busy = $state(false);
  problems = $state<Problem[]>([]);
  done = $state(false);
  /** The change failed for another reason than a wrong current PIN (storage). */
  failed = $state(false);

  constructor(private readonly change: (username: string, current: string, pin: string) => Promise<ChangePinResult> = changePin) {}

  /** True when the fields may be sent; otherwise `problems` says why. */
  check(minLength: number): boolean {
    const found: Problem[] = [];
    if (!this.current) found.push({ field: 'pin-current', key: 'pin.errors.currentRequired' });
    found.push(...newPinProblems(this.pin, this.again, minLength));
    this.problems = found;
    if (found.length > 0) this.again = '';
    return found.length === 0;
  }

  /** The current PIN did not unwrap the key. */
  wrongCurrent(): void {
    this.current = '';
    this.again = '';
    this.problems = [{ field: 'pin-current', key: 'pin.errors.currentWrong' }];
  }

  /** Changes `username`'s PIN; afterwards `done`, `problems` or `failed` says how it went. */
  async submit(username: string, minLength: number): Promise<void> {
    this.failed = false;
    this.done = false;
    if (!this.check(minLength)) return;
    this.busy = true;
    try {
      const result = await this.change(username, this.current, this.pin);
      if (result.ok) {
        this.reset();
        this.done = true;
      } else if (result.reason === 'wrong-pin') this.wrongCurrent();
      else this.failed = true;
    } catch (error) {
      console.error('tablet: could not change the PIN', error instanceof Error ? error.name : typeof error);
      this.failed = true;
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.current = '';
    this.pin = '';
    this.again = '';
    this.busy = false;
    this.problems = [];
    this.done = false;
    this.failed = false;
  }
}
