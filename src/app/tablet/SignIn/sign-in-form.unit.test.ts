import { describe, expect, it } from 'vitest';
import { LoginError } from '../staff-login.ts';
import { SignInForm } from './sign-in-form.svelte.ts';

describe('SignInForm', () => {
  it('requires both fields before asking the server', async () => {
    const form = new SignInForm();
    let asked = false;
    expect(await form.submit(async () => ((asked = true), { username: 'x', role: 'caseworker' }))).toBeUndefined();
    expect(asked).toBe(false);
    expect(form.problems.map((p) => p.field)).toEqual(['signin-username', 'signin-password']);
  });

  it('answers the verified staff member and never keeps the password', async () => {
    const form = new SignInForm();
    form.username = ' anna ';
    form.password = 'secret';
    const staff = await form.submit(async (username) => ({ username, role: 'caseworker' }));
    expect(staff).toEqual({ username: 'anna', role: 'caseworker' });
    expect(form.password).toBe('');
  });

  it('puts a wrong password on the password field, and being offline on the first field', async () => {
    const form = new SignInForm();
    form.username = 'anna';
    form.password = 'wrong';
    await form.submit(async () => {
      throw new LoginError('invalid');
    });
    expect(form.problems).toEqual([{ field: 'signin-password', key: 'signIn.errors.invalid' }]);
    form.password = 'secret';
    await form.submit(async () => {
      throw new LoginError('offline');
    });
    expect(form.problems).toEqual([{ field: 'signin-username', key: 'signIn.errors.offline' }]);
  });
});

describe('SignInForm.returnFromSso', () => {
  const anna = { username: 'anna', role: 'caseworker' as const };

  it('back from the organisation\'s login: takes the address\'s marker off and answers who signed in', async () => {
    const form = new SignInForm();
    let forgotten = false;
    const staff = await form.returnFromSso('?sso=1', () => (forgotten = true), async () => anna, async () => true);
    expect(staff).toEqual(anna);
    expect(forgotten).toBe(true);
  });

  it('otherwise says whether the organisation\'s login is offered', async () => {
    const form = new SignInForm();
    let asked = false;
    const staff = await form.returnFromSso('', () => undefined, async () => ((asked = true), anna), async () => true);
    expect(staff).toBeUndefined();
    expect(asked).toBe(false);
    expect(form.sso).toBe(true);
  });

  it('offers the login again when the session was gone', async () => {
    const form = new SignInForm();
    expect(await form.returnFromSso('?sso=1', () => undefined, async () => undefined, async () => false)).toBeUndefined();
    expect(form.sso).toBe(false);
  });
});
