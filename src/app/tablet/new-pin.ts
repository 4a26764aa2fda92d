import { newPinProblem } from '#vault/pin-strength.ts';
import type { Problem } from './problems.ts';

/**
 * A new PIN typed twice (choosing it, or changing it): the first field that is wrong, by the
 * vault's rules (src/vault/pin-strength.ts). Fields 'pin-new' and 'pin-again'.
 */
export function newPinProblems(pin: string, again: string, minLength: number): Problem[] {
  const problem = pin ? newPinProblem(pin) : 'required';
  if (problem) return [{ field: 'pin-new', key: `pin.errors.${problem}`, values: { min: minLength } }];
  if (!again) return [{ field: 'pin-again', key: 'pin.errors.againRequired' }];
  if (again !== pin) return [{ field: 'pin-again', key: 'pin.errors.mismatch' }];
  return [];
}
