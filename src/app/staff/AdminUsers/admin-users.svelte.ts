import { MIN_STAFF_PASSWORD_LENGTH, staffUsernamePattern, type StaffAccountAnswer, type StaffRole } from '#contract/staff.ts';
import { StaffApiError } from '../api/http.ts';
import type { createUser, disableUser, listUsers } from '../api/users.ts';
import type { FieldError } from '#ui/ErrorSummary/field-error.ts';
import { ConfirmedAction } from '../ConfirmAlert/confirmed-action.svelte.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

/** What the accounts screen asks the server. */
export interface UsersApi {
  listUsers: typeof listUsers;
  createUser: typeof createUser;
  disableUser: typeof disableUser;
}

/** Staff accounts: the list, a new account (name, password, role), and deactivating one after a question. */
export class AdminUsers {
  username = $state('');
  password = $state('');
  role = $state<StaffRole>('caseworker');
  errors = $state<FieldError[]>([]);
  created = $state<string | undefined>();
  busy = $state(false);
  accounts = $state<StaffAccountAnswer[] | undefined>();
  readonly deactivating: ConfirmedAction<StaffAccountAnswer>;
  readonly #api: UsersApi;
  readonly #ui: StaffUi;

  constructor(api: UsersApi, ui: StaffUi) {
    this.#api = api;
    this.#ui = ui;
    this.deactivating = new ConfirmedAction<StaffAccountAnswer>({
      run: async (account) => {
        await api.disableUser(account.username);
        return ui.t('staff:users.disabled', { username: account.username });
      },
      failure: (error) => (error instanceof StaffApiError && error.code === 'last_admin' ? ui.t('staff:users.lastAdmin') : ui.failure(error)),
      after: () => this.load(),
      doneFocusId: 'accounts-heading',
      buttonId: (account) => `disable-${account.username}`,
    });
  }

  async load(): Promise<void> {
    try {
      this.accounts = (await this.#api.listUsers()).users;
    } catch (error) {
      this.deactivating.failed = this.#ui.failure(error);
    }
  }

  ask(account: StaffAccountAnswer): Promise<void> {
    this.deactivating.failed = undefined;
    return this.deactivating.ask(account);
  }

  /** The server's rules for a new account, checked here first to say what is wrong; the server checks again. */
  #validate(name: string): FieldError[] {
    const t = this.#ui.t;
    const found: FieldError[] = [];
    if (!name) found.push({ field: 'user-username', message: t('staff:users.usernameRequired') });
    else if (!staffUsernamePattern.test(name)) found.push({ field: 'user-username', message: t('staff:users.invalid') });
    if (this.password.length < MIN_STAFF_PASSWORD_LENGTH) found.push({ field: 'user-password', message: t('staff:users.passwordTooShort') });
    return found;
  }

  async create(): Promise<void> {
    const ui = this.#ui;
    this.created = undefined;
    const name = this.username.trim().toLowerCase();
    this.errors = this.#validate(name);
    if (this.errors.length > 0) return;
    this.busy = true;
    try {
      const user = await this.#api.createUser(name, this.password, this.role);
      this.created = ui.t('staff:users.created', { username: user.username });
      this.username = '';
      this.password = '';
      this.role = 'caseworker';
      await this.load();
    } catch (error) {
      const exists = error instanceof StaffApiError && error.status === 409;
      const weak = error instanceof StaffApiError && error.code === 'weak_password';
      this.errors = weak
        ? [{ field: 'user-password', message: ui.t('staff:account.weakPassword') }]
        : [{ field: 'user-username', message: exists ? ui.t('staff:users.exists') : ui.failure(error) }];
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.username = '';
    this.password = '';
    this.role = 'caseworker';
    this.errors = [];
    this.created = undefined;
    this.busy = false;
    this.accounts = undefined;
    this.deactivating.reset();
  }
}
