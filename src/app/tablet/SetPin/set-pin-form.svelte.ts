import { ProfileHasDraftsError } from '#vault/errors.ts';
import { createProfile, type NewStaff, type Vault } from '#vault/vault.ts';
import { newPinProblems } from '../new-pin.ts';
import type { Problem } from '../problems.ts';

/** Choosing the PIN, typed twice. The rules (length, digits only, not easy to guess) are the vault's (src/vault/pin-strength.ts). */
export class SetPinForm {
  pin = $state('');
  again = $state('');
  busy = $state(false);
  problems = $state<Problem[]>([]);
  /** The profile could not be created (storage). */
  failed = $state(false);
  /** This person already has drafts here under their earlier PIN: a new PIN would make them unreadable. */
  hasDrafts = $state(false);

  constructor(private readonly create: (staff: NewStaff, pin: string) => Promise<Vault> = createProfile) {}

  /** True when the PIN may be used; otherwise `problems` says why. */
  check(minLength: number): boolean {
    this.problems = newPinProblems(this.pin, this.again, minLength);
    if (this.problems.length > 0) this.again = '';
    return this.problems.length === 0;
  }

  /** Creates the staff member's profile with the PIN: the open vault, or undefined with `problems` or `failed` set. */
  async submit(staff: NewStaff | undefined, minLength: number): Promise<Vault | undefined> {
    this.failed = false;
    this.hasDrafts = false;
    if (!this.check(minLength) || !staff) return undefined;
    this.busy = true;
    try {
      const vault = await this.create(staff, this.pin);
      this.reset();
      return vault;
    } catch (error) {
      if (error instanceof ProfileHasDraftsError) {
        this.hasDrafts = true;
        return undefined;
      }
      console.error('tablet: could not create the profile', error instanceof Error ? error.name : typeof error);
      this.failed = true;
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.pin = '';
    this.again = '';
    this.busy = false;
    this.problems = [];
    this.failed = false;
    this.hasDrafts = false;
  }
}
