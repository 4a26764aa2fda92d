import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { PasswordChange } from './password-change.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});

function setUp() {
  const ui = new StaffUi();
  ui.language = 'en';
  ui.user = { username: 'mette', role: 'caseworker', expiresAt: '2026-03-02T17:00:00.000Z', mustChangePassword: true };
  const api = { changePassword: vi.fn(async () => undefined) };
  return { ui, api, form: new PasswordChange(api, ui) };
}

describe('changing one\'s password', () => {
  it('asks for the current password and a long enough new one before sending', async () => {
    const { ui, api, form } = setUp();
    form.next = 'short';
    await form.submit();
    expect(api.changePassword).not.toHaveBeenCalled();
    expect(form.errors).toEqual([
      { field: 'password-current', message: ui.t('staff:account.currentRequired') },
      { field: 'password-new', message: ui.t('staff:users.passwordTooShort') },
    ]);
    expect(ui.t('staff:account.currentRequired')).not.toContain('staff:');
  });

  it('changes it, lets the staff member on, and never keeps the passwords on screen', async () => {
    const { ui, api, form } = setUp();
    form.current = 'the old password';
    form.next = 'a brand new long password';
    await form.submit();
    expect(api.changePassword).toHaveBeenCalledWith('the old password', 'a brand new long password');
    expect(form).toMatchObject({ done: true, current: '', next: '', busy: false });
    expect(ui.user?.mustChangePassword).toBe(false);
  });

  it('puts each refusal of the server on its field', async () => {
    const { ui, api, form } = setUp();
    for (const [code, field, key] of [
      ['wrong_password', 'password-current', 'staff:account.wrongPassword'],
      ['weak_password', 'password-new', 'staff:account.weakPassword'],
      ['same_password', 'password-new', 'staff:account.samePassword'],
      ['unknown', 'password-current', 'staff:errors.failed'],
    ] as const) {
      api.changePassword.mockRejectedValueOnce(new StaffApiError('password', 400, code));
      form.current = 'the old password';
      form.next = 'a brand new long password';
      await form.submit();
      expect(form.errors).toEqual([{ field, message: ui.t(key) }]);
      expect(form).toMatchObject({ done: false, current: '', next: '' });
    }
    form.reset();
    expect(form.errors).toEqual([]);
  });
});
