import { pinProblem, type PinProblem } from './pin.ts';

/**
 * Whether a new PIN is too easy to guess. NIST SP 800-63B (section 5.1.1.2) asks verifiers to
 * refuse "commonly-used, expected, or compromised values", naming "repetitive or sequential
 * characters"; a date is what people pick after that (a birthday, as in the first six digits of a
 * CPR number). Checked only when a PIN is chosen: a PIN chosen earlier still unlocks.
 */
export type NewPinProblem = PinProblem | 'too-simple' | 'date-like';

/**
 * The most chosen 6-digit PINs that the rules below do not already catch, from Wang, Gu, Li and
 * Wang, "Understanding Human-Chosen PINs" (ACM CCS 2017), table of the top 6-digit PINs.
 */
const COMMON_PINS = new Set(['112233', '123321', '147258', '159753', '789456', '258369', '147852', '102030', '520520', '521521', '131313', '012345']);

/** One digit over and over (000000), or a short group repeated (121212, 123123, 12341234). */
function repeats(pin: string): boolean {
  for (let size = 1; size <= 4; size++) {
    if (pin.length % size !== 0 || pin.length === size) continue;
    if (pin === pin.slice(0, size).repeat(pin.length / size)) return true;
  }
  return false;
}

/** Each digit one more (123456, 890123) or one less (654321) than the one before. */
function sequential(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((Number(pin[i]) - Number(pin[i - 1]) + 10) % 10);
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

function isDate(day: number, month: number, year: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** DDMMYY (as a CPR number starts), DDMMYYYY or YYYYMMDD, for years 1900 to 2099. */
function dateLike(pin: string): boolean {
  const n = (from: number, to: number) => Number(pin.slice(from, to));
  if (pin.length === 6) return isDate(n(0, 2), n(2, 4), 2000 + n(4, 6));
  if (pin.length !== 8) return false;
  const plausible = (year: number) => year >= 1900 && year <= 2099;
  return (plausible(n(4, 8)) && isDate(n(0, 2), n(2, 4), n(4, 8))) || (plausible(n(0, 4)) && isDate(n(6, 8), n(4, 6), n(0, 4)));
}

/** Why a PIN cannot be chosen, or undefined when it can. */
export function newPinProblem(pin: string): NewPinProblem | undefined {
  const basic = pinProblem(pin);
  if (basic) return basic;
  if (repeats(pin) || sequential(pin) || COMMON_PINS.has(pin)) return 'too-simple';
  if (dateLike(pin)) return 'date-like';
  return undefined;
}
