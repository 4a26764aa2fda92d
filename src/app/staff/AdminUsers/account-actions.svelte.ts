import type { StaffAccountAnswer, StaffRole } from '#contract/staff.ts';
import { StaffApiError } from '../api/http.ts';
import type { reactivateUser, resetPassword, setUserRole } from '../api/users.ts';
import { ConfirmedAction } from '../ConfirmAlert/confirmed-action.svelte.ts';
import type { StaffUi } from '../staff-ui.svelte.ts';

/** What the account buttons ask the server. */
export interface AccountActionsApi {
  resetPassword: typeof resetPassword;
  reactivateUser: typeof reactivateUser;
  setUserRole: typeof setUserRole;
}

export interface RoleChange {
  account: StaffAccountAnswer;
  role: StaffRole;
}

/**
 * An admin's changes to an existing account, each after a question: reset the password (the
 * temporary one is shown once, and its owner must choose a new one at next sign-in), reactivate a
 * deactivated account, and change the role. The server audits each and refuses to demote the last
 * admin; its reasons are shown in the admin's language.
 */
export class AccountActions {
  /** The temporary password of the last reset, until the screen is left or another action runs. */
  temporary = $state<{ username: string; password: string } | undefined>();
  readonly resetting: ConfirmedAction<StaffAccountAnswer>;
  readonly reactivating: ConfirmedAction<StaffAccountAnswer>;
  readonly changingRole: ConfirmedAction<RoleChange>;

  constructor(api: AccountActionsApi, ui: StaffUi, reload: () => Promise<void>) {
    const failure = (error: unknown) => {
      if (error instanceof StaffApiError) {
        if (error.code === 'last_admin') return ui.t('staff:users.lastAdminRole');
        if (error.code === 'not_found') return ui.t('staff:users.notFound');
        if (error.code === 'cannot_reset_self') return ui.t('staff:users.cannotResetSelf');
      }
      return ui.failure(error);
    };
    this.resetting = new ConfirmedAction<StaffAccountAnswer>({
      run: async (account) => {
        const answer = await api.resetPassword(account.username);
        this.temporary = { username: account.username, password: answer.temporaryPassword };
        return ui.t('staff:users.resetDone', { username: ui.person(account.username) });
      },
      failure,
      after: reload,
      doneFocusId: 'accounts-heading',
      buttonId: (account) => `reset-${account.username}`,
    });
    this.reactivating = new ConfirmedAction<StaffAccountAnswer>({
      run: async (account) => {
        await api.reactivateUser(account.username);
        return ui.t('staff:users.reactivated', { username: ui.person(account.username) });
      },
      failure,
      after: reload,
      doneFocusId: 'accounts-heading',
      buttonId: (account) => `reactivate-${account.username}`,
    });
    this.changingRole = new ConfirmedAction<RoleChange>({
      run: async ({ account, role }) => {
        await api.setUserRole(account.username, role);
        return ui.t('staff:users.roleChanged', { username: ui.person(account.username), role: ui.t(`staff:users.roles.${role}`) });
      },
      failure,
      after: reload,
      doneFocusId: 'accounts-heading',
      buttonId: ({ account }) => `role-${account.username}`,
    });
  }

  /** One question at a time: asking one closes the others, and an old temporary password goes. */
  #clear(): void {
    this.temporary = undefined;
    for (const action of [this.resetting, this.reactivating, this.changingRole] as ConfirmedAction<unknown>[]) action.reset();
  }

  askReset(account: StaffAccountAnswer): Promise<void> {
    this.#clear();
    return this.resetting.ask(account);
  }

  askReactivate(account: StaffAccountAnswer): Promise<void> {
    this.#clear();
    return this.reactivating.ask(account);
  }

  askRole(account: StaffAccountAnswer): Promise<void> {
    this.#clear();
    return this.changingRole.ask({ account, role: account.role === 'admin' ? 'caseworker' : 'admin' });
  }

  /** The message and failure of whichever action ran last. */
  get message(): string | undefined {
    return this.resetting.message ?? this.reactivating.message ?? this.changingRole.message;
  }
  get failed(): string | undefined {
    return this.resetting.failed ?? this.reactivating.failed ?? this.changingRole.failed;
  }

  reset(): void {
    this.#clear();
  }
}
