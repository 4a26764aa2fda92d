/** The staff tablet's non-UI side (issue 7); see README.md. */
export { MAX_PIN_LENGTH, MAX_WRONG_PINS, MIN_PIN_LENGTH, pinProblem, type PinProblem } from './pin.ts';
export {
  createProfile,
  readProfile,
  unlock,
  type Draft,
  type DraftInput,
  type DraftSummary,
  type StaffProfile,
  type StaffRole,
  type UnlockResult,
  type Vault,
  type VaultOptions,
} from './vault.ts';
export { AUTO_LOCK_MS, AutoLockTimer, type AutoLockOptions } from './auto-lock.ts';
export { PBKDF2_ITERATIONS } from './crypto.ts';
export { DraftUnreadableError, InvalidPinError, NoProfileError, ProfileHasDraftsError, RescueFailedError, VaultLockedError } from './errors.ts';
