import { newPinProblem } from '#vault/pin-strength.ts';
import type { Problem } from '../problems.ts';

/** Changing the PIN: the current one, then the new one typed twice (the rules are src/vault/pin-strength.ts). */
export class ChangePinForm {
  current = $state('');
  pin = $state('');
  again = $state('');
  busy = $state(false);
  problems = $state<Problem[]>([]);
  done = $state(false);

  /** True when the fields may be sent; otherwise `problems` says why. */
  check(minLength: number): boolean {
    const found: Problem[] = [];
    if (!this.current) found.push({ field: 'pin-current', key: 'pin.errors.currentRequired' });
    const problem = this.pin ? newPinProblem(this.pin) : 'required';
    if (problem) found.push({ field: 'pin-new', key: `pin.errors.${problem}`, values: { min: minLength } });
    else if (!this.again) found.push({ field: 'pin-again', key: 'pin.errors.againRequired' });
    else if (this.again !== this.pin) found.push({ field: 'pin-again', key: 'pin.errors.mismatch' });
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

  reset(): void {
    this.current = '';
    this.pin = '';
    this.again = '';
    this.busy = false;
    this.problems = [];
    this.done = false;
  }
}
