import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffAccountAnswer } from '#contract/staff.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { AccountActions } from './account-actions.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});
beforeEach(() => vi.stubGlobal('document', { getElementById: () => ({ focus: () => undefined }) }));
afterEach(() => vi.unstubAllGlobals());

const account = (username: string, role: 'admin' | 'caseworker' = 'caseworker', disabledAt: string | null = null): StaffAccountAnswer => ({
  username, role, createdAt: '2026-03-02T09:00:00.000Z', disabledAt, disabledBy: disabledAt ? 'admin' : null,
});

function setUp(language: 'da' | 'en' = 'en') {
  const ui = new StaffUi();
  ui.language = language;
  ui.people = { 'sso-abc': 'Karen Friis' };
  const api = {
    resetPassword: vi.fn(async (username: string) => ({ username, temporaryPassword: 'abcd-efgh-ijkm-npqr' })),
    reactivateUser: vi.fn(async () => undefined),
    setUserRole: vi.fn(async (username: string, role: 'admin' | 'caseworker') => ({ username, role })),
  };
  const reload = vi.fn(async () => undefined);
  return { ui, api, reload, actions: new AccountActions(api, ui, reload) };
}

describe('an admin’s buttons on an account', () => {
  it('reset asks first, then shows the temporary password once and reloads', async () => {
    const { ui, api, reload, actions } = setUp();
    await actions.askReset(account('mette'));
    expect(api.resetPassword).not.toHaveBeenCalled();
    expect(actions.resetting.confirming?.username).toBe('mette');
    await actions.resetting.confirm();
    expect(api.resetPassword).toHaveBeenCalledWith('mette');
    expect(actions.temporary).toEqual({ username: 'mette', password: 'abcd-efgh-ijkm-npqr' });
    expect(actions.message).toBe(ui.t('staff:users.resetDone', { username: 'mette' }));
    expect(reload).toHaveBeenCalled();
    // Asking anything else forgets it; so does leaving the screen.
    await actions.askReactivate(account('ib', 'caseworker', '2026-03-01T00:00:00.000Z'));
    expect(actions.temporary).toBeUndefined();
    actions.reset();
    expect(actions.reactivating.confirming).toBeUndefined();
  });

  it('a cancelled question does nothing', async () => {
    const { api, actions } = setUp();
    await actions.askRole(account('mette'));
    actions.changingRole.cancel();
    expect(api.setUserRole).not.toHaveBeenCalled();
    expect(actions.message).toBeUndefined();
  });

  it('reactivates a deactivated account, named by the provider’s name', async () => {
    const { ui, api, actions } = setUp('da');
    await actions.askReactivate(account('sso-abc', 'caseworker', '2026-03-01T00:00:00.000Z'));
    await actions.reactivating.confirm();
    expect(api.reactivateUser).toHaveBeenCalledWith('sso-abc');
    expect(actions.message).toBe(ui.t('staff:users.reactivated', { username: 'Karen Friis' }));
    expect(actions.message).toContain('Karen Friis er genaktiveret');
  });

  it('turns the role over: a caseworker becomes admin, an admin caseworker', async () => {
    const { api, actions } = setUp();
    await actions.askRole(account('mette'));
    expect(actions.changingRole.confirming?.role).toBe('admin');
    await actions.changingRole.confirm();
    expect(api.setUserRole).toHaveBeenCalledWith('mette', 'admin');
    await actions.askRole(account('boss', 'admin'));
    expect(actions.changingRole.confirming?.role).toBe('caseworker');
  });

  it('shows the server’s reason for refusing the last admin, in the admin’s language', async () => {
    for (const language of ['da', 'en'] as const) {
      const { ui, api, actions } = setUp(language);
      api.setUserRole.mockRejectedValueOnce(new StaffApiError('users.role', 409, 'last_admin'));
      await actions.askRole(account('boss', 'admin'));
      await actions.changingRole.confirm();
      expect(actions.failed).toBe(ui.t('staff:users.lastAdminRole'));
      expect(actions.failed).toMatch(language === 'da' ? /sidste aktive administrator/ : /last active admin/);
      expect(actions.message).toBeUndefined();
    }
  });
});
