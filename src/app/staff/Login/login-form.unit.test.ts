import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { LoginForm } from './login-form.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});

const session = { username: 'mette', role: 'caseworker' as const, expiresAt: '2026-03-02T17:00:00.000Z' };

function setUp() {
  const ui = new StaffUi();
  ui.language = 'en';
  const api = { login: vi.fn(async () => session) };
  return { ui, api, form: new LoginForm(api, ui) };
}

describe('signing in', () => {
  it('asks for both fields before asking the server', async () => {
    const { ui, api, form } = setUp();
    await form.submit();
    expect(api.login).not.toHaveBeenCalled();
    expect(form.errors).toEqual([
      { field: 'login-username', message: ui.t('staff:login.usernameRequired') },
      { field: 'login-password', message: ui.t('staff:login.passwordRequired') },
    ]);
  });

  it('puts the staff member on the staff UI', async () => {
    const { ui, api, form } = setUp();
    form.username = ' mette ';
    form.password = 'secret password';
    await form.submit();
    expect(api.login).toHaveBeenCalledWith('mette', 'secret password', undefined);
    expect(ui.user).toEqual(session);
  });

  it('keeps the password and asks for the app\'s code when the account has a second factor', async () => {
    const { ui, api, form } = setUp();
    api.login.mockRejectedValueOnce(new StaffApiError('login', 401, 'second_factor_required'));
    form.username = 'mette';
    form.password = 'secret password';
    await form.submit();
    expect(form).toMatchObject({ needCode: true, password: 'secret password', errors: [{ field: 'login-code', message: ui.t('staff:totp.codeRequired') }] });
    form.code = ' 123456 ';
    api.login.mockRejectedValueOnce(new StaffApiError('login', 401, 'invalid_credentials'));
    await form.submit();
    expect(api.login).toHaveBeenLastCalledWith('mette', 'secret password', '123456');
    expect(form).toMatchObject({ password: '', code: '', errors: [{ field: 'login-password', message: ui.t('staff:totp.invalid') }] });
  });

  it('says why the server refused, on the password field, and anything else on the first field', async () => {
    const { ui, api, form } = setUp();
    for (const [error, field, key] of [
      [new StaffApiError('login', 401, 'invalid_credentials'), 'login-password', 'staff:login.invalid'],
      [new StaffApiError('login', 429, 'too_many_attempts'), 'login-password', 'staff:login.tooMany'],
      [new StaffApiError('login', 403, 'account_disabled'), 'login-password', 'staff:login.disabled'],
      [new Error('offline'), 'login-username', 'staff:errors.failed'],
    ] as const) {
      api.login.mockRejectedValueOnce(error);
      form.username = 'mette';
      form.password = 'secret password';
      await form.submit();
      expect(form.errors).toEqual([{ field, message: ui.t(key) }]);
      expect(form.password).toBe('');
    }
    form.reset();
    expect(form).toMatchObject({ username: '', needCode: false, errors: [] });
  });
});
