import { newPinProblem } from '#vault/pin-strength.ts';
import type { Problem } from '../problems.ts';

/** Choosing the PIN, typed twice. The rules (length, digits only, not easy to guess) are the vault's (src/vault/pin-strength.ts). */
export class SetPinForm {
  pin = $state('');
  again = $state('');
  busy = $state(false);
  problems = $state<Problem[]>([]);

  /** True when the PIN may be used; otherwise `problems` says why. */
  check(minLength: number): boolean {
    const found: Problem[] = [];
    const problem = this.pin ? newPinProblem(this.pin) : 'required';
    if (problem) found.push({ field: 'pin-new', key: `pin.errors.${problem}`, values: { min: minLength } });
    else if (!this.again) found.push({ field: 'pin-again', key: 'pin.errors.againRequired' });
    else if (this.again !== this.pin) found.push({ field: 'pin-again', key: 'pin.errors.mismatch' });
    this.problems = found;
    if (found.length > 0) this.again = '';
    return found.length === 0;
  }

  reset(): void {
    this.pin = '';
    this.again = '';
    this.busy = false;
    this.problems = [];
  }
}
