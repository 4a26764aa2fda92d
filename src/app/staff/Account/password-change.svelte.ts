import { MIN_STAFF_PASSWORD_LENGTH } from '#contract/staff.ts';
import { StaffApiError } from '../api/http.ts';
import type { changePassword } from '../api/session.ts';
import type { FieldError } from '#ui/ErrorSummary/field-error.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

/** The server's refusals of a new password, as the field and the message a staff member reads. */
const refusals: Record<string, FieldError> = {
  wrong_password: { field: 'password-current', message: 'staff:account.wrongPassword' },
  weak_password: { field: 'password-new', message: 'staff:account.weakPassword' },
  same_password: { field: 'password-new', message: 'staff:account.samePassword' },
};

/** Changing one's own password: the current one, then a new one the server finds strong enough. */
export class PasswordChange {
  current = $state('');
  next = $state('');
  busy = $state(false);
  done = $state(false);
  errors = $state<FieldError[]>([]);
  readonly #change: typeof changePassword;
  readonly #ui: StaffUi;

  constructor(api: { changePassword: typeof changePassword }, ui: StaffUi) {
    this.#change = api.changePassword;
    this.#ui = ui;
  }

  async submit(): Promise<void> {
    const ui = this.#ui;
    this.done = false;
    const found: FieldError[] = [];
    if (!this.current) found.push({ field: 'password-current', message: ui.t('staff:account.currentRequired') });
    if (this.next.length < MIN_STAFF_PASSWORD_LENGTH) found.push({ field: 'password-new', message: ui.t('staff:users.passwordTooShort') });
    this.errors = found;
    if (found.length > 0) return;
    this.busy = true;
    try {
      await this.#change(this.current, this.next);
      this.done = true;
      // The session no longer holds the staff member on this screen.
      if (ui.user) ui.user = { ...ui.user, mustChangePassword: false };
    } catch (error) {
      const refusal = error instanceof StaffApiError ? refusals[error.code] : undefined;
      this.errors = [refusal ? { field: refusal.field, message: ui.t(refusal.message) } : { field: 'password-current', message: ui.failure(error) }];
    } finally {
      // Passwords never stay on the screen, whatever the answer.
      this.current = '';
      this.next = '';
      this.busy = false;
    }
  }

  reset(): void {
    this.current = '';
    this.next = '';
    this.busy = false;
    this.done = false;
    this.errors = [];
  }
}
