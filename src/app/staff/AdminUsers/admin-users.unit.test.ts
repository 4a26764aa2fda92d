import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffAccountAnswer } from '#contract/staff.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { AdminUsers } from './admin-users.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});
beforeEach(() => vi.stubGlobal('document', { getElementById: () => ({ focus: () => undefined }) }));
afterEach(() => vi.unstubAllGlobals());

const account = (username: string, role: 'admin' | 'caseworker' = 'caseworker'): StaffAccountAnswer => ({
  username, role, createdAt: '2026-03-02T09:00:00.000Z', disabledAt: null, disabledBy: null,
});

function setUp() {
  const ui = new StaffUi();
  ui.language = 'en';
  const api = {
    listUsers: vi.fn(async () => ({ users: [account('admin', 'admin'), account('mette')] })),
    createUser: vi.fn(async (username: string, _password: string, role: 'admin' | 'caseworker') => ({ username, role })),
    disableUser: vi.fn(async () => undefined),
  };
  return { ui, api, users: new AdminUsers(api, ui) };
}

describe('the accounts screen', () => {
  it('checks a new account as the server would before sending it', async () => {
    const { ui, api, users } = setUp();
    users.username = 'Not Valid!';
    users.password = 'short';
    await users.create();
    expect(api.createUser).not.toHaveBeenCalled();
    expect(users.errors).toEqual([
      { field: 'user-username', message: ui.t('staff:users.invalid') },
      { field: 'user-password', message: ui.t('staff:users.passwordTooShort') },
    ]);
  });

  it('creates the account in lower case, clears the form and reads the list again', async () => {
    const { ui, api, users } = setUp();
    users.username = ' Jens@Kommune.dk ';
    users.password = 'a long enough password';
    users.role = 'admin';
    await users.create();
    expect(api.createUser).toHaveBeenCalledWith('jens@kommune.dk', 'a long enough password', 'admin');
    expect(users).toMatchObject({ created: ui.t('staff:users.created', { username: 'jens@kommune.dk' }), username: '', password: '', role: 'caseworker', busy: false });
    expect(users.accounts?.map((a) => a.username)).toEqual(['admin', 'mette']);
  });

  it('says a name is taken, and a password the server finds weak, on the right field', async () => {
    const { ui, api, users } = setUp();
    users.username = 'mette';
    users.password = 'a long enough password';
    api.createUser.mockRejectedValueOnce(new StaffApiError('users.create', 409, 'exists'));
    await users.create();
    expect(users.errors).toEqual([{ field: 'user-username', message: ui.t('staff:users.exists') }]);
    users.password = 'passwordpassword';
    api.createUser.mockRejectedValueOnce(new StaffApiError('users.create', 400, 'weak_password'));
    await users.create();
    expect(users.errors).toEqual([{ field: 'user-password', message: ui.t('staff:account.weakPassword') }]);
  });

  it('deactivates after the question, and says so when the server keeps the last admin', async () => {
    const { ui, api, users } = setUp();
    await users.load();
    await users.ask(account('mette'));
    await users.deactivating.confirm();
    expect(api.disableUser).toHaveBeenCalledWith('mette');
    expect(users.deactivating.message).toBe(ui.t('staff:users.disabled', { username: 'mette' }));
    api.disableUser.mockRejectedValueOnce(new StaffApiError('users.disable', 409, 'last_admin'));
    await users.ask(account('admin', 'admin'));
    await users.deactivating.confirm();
    expect(users.deactivating.failed).toBe(ui.t('staff:users.lastAdmin'));
    users.reset();
    expect(users).toMatchObject({ accounts: undefined, errors: [], created: undefined });
    expect(users.deactivating.failed).toBeUndefined();
  });
});
