/**
 * The staff tablet's PIN rules: the PIN unlocks the drafts key offline after a first
 * online login, so it must be long enough that guessing within MAX_WRONG_PINS tries is hopeless.
 */

/** A PIN of at least 6 digits. */
export const MIN_PIN_LENGTH = 6;
/** A longer PIN is allowed; this only stops absurd input. */
export const MAX_PIN_LENGTH = 32;
/** After 5 wrong PINs the drafts are rescued to the outbox and the local key is wiped. */
export const MAX_WRONG_PINS = 5;

export type PinProblem = 'too-short' | 'not-digits';

/** Why a PIN cannot be used, or undefined when it can. Digits only (0-9), at least MIN_PIN_LENGTH. */
export function pinProblem(pin: string): PinProblem | undefined {
  if (!/^[0-9]*$/.test(pin) || pin.length > MAX_PIN_LENGTH) return 'not-digits';
  if (pin.length < MIN_PIN_LENGTH) return 'too-short';
  return undefined;
}
