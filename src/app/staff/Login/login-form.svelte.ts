import { StaffApiError } from '../api/http.ts';
import type { login } from '../api/session.ts';
import type { FieldError } from '#ui/ErrorSummary/field-error.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

/** The server's refusal of a sign-in, as the key under `staff:login.` that says why. */
function refusalKey(error: unknown): 'invalid' | 'tooMany' | 'disabled' | undefined {
  if (!(error instanceof StaffApiError)) return undefined;
  if (error.status === 401) return 'invalid';
  if (error.status === 429) return 'tooMany';
  return error.code === 'account_disabled' ? 'disabled' : undefined;
}

/**
 * Signing in with a username and password, and a code from the authenticator app once the server
 * says the account has a second factor. Success puts the staff member on StaffUi.
 */
export class LoginForm {
  username = $state('');
  password = $state('');
  code = $state('');
  /** Shown once the server says the account has a second factor. */
  needCode = $state(false);
  busy = $state(false);
  errors = $state<FieldError[]>([]);
  readonly #login: typeof login;
  readonly #ui: StaffUi;

  constructor(api: { login: typeof login }, ui: StaffUi) {
    this.#login = api.login;
    this.#ui = ui;
  }

  async submit(): Promise<void> {
    const ui = this.#ui;
    const found: FieldError[] = [];
    if (!this.username.trim()) found.push({ field: 'login-username', message: ui.t('staff:login.usernameRequired') });
    if (!this.password) found.push({ field: 'login-password', message: ui.t('staff:login.passwordRequired') });
    if (this.needCode && !this.code.trim()) found.push({ field: 'login-code', message: ui.t('staff:totp.codeRequired') });
    this.errors = found;
    if (found.length > 0) return;
    this.busy = true;
    try {
      ui.user = await this.#login(this.username.trim(), this.password, this.needCode ? this.code.trim() : undefined);
    } catch (error) {
      this.code = '';
      if (error instanceof StaffApiError && error.code === 'second_factor_required') {
        // The password was right: keep it, and ask for the code from the app.
        this.needCode = true;
        this.errors = [{ field: 'login-code', message: ui.t('staff:totp.codeRequired') }];
        return;
      }
      const key = refusalKey(error);
      // A wrong password is about the password field; anything else goes to the first field.
      this.errors = [
        key
          ? { field: 'login-password', message: ui.t(this.needCode && key === 'invalid' ? 'staff:totp.invalid' : `staff:login.${key}`) }
          : { field: 'login-username', message: ui.t('staff:errors.failed') },
      ];
      this.password = '';
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.username = '';
    this.password = '';
    this.code = '';
    this.needCode = false;
    this.busy = false;
    this.errors = [];
  }
}
