import type { Problem } from '../problems.ts';

/** The PIN typed to unlock. Cleared after every try: a PIN never stays in memory longer than needed. */
export class UnlockForm {
  pin = $state('');
  busy = $state(false);
  problems = $state<Problem[]>([]);

  required(): boolean {
    this.problems = this.pin ? [] : [{ field: 'pin-unlock', key: 'unlock.errors.required' }];
    return this.problems.length === 0;
  }

  wrong(attemptsLeft: number): void {
    this.pin = '';
    this.problems = [{ field: 'pin-unlock', key: 'unlock.errors.wrong', values: { count: attemptsLeft } }];
  }

  reset(): void {
    this.pin = '';
    this.busy = false;
    this.problems = [];
  }
}
