import { describe, expect, it } from 'vitest';
import { MIN_PIN_LENGTH } from '#vault/pin.ts';
import { ProfileHasDraftsError } from '#vault/errors.ts';
import { SetPinForm } from './set-pin-form.svelte.ts';

const problemsOf = (pin: string, again: string) => {
  const form = new SetPinForm();
  form.pin = pin;
  form.again = again;
  const ok = form.check(MIN_PIN_LENGTH);
  return { ok, problems: form.problems.map((p) => [p.field, p.key]), again: form.again };
};

describe('SetPinForm', () => {
  it('accepts a PIN of at least six digits typed twice the same', () => {
    expect(problemsOf('246813', '246813')).toEqual({ ok: true, problems: [], again: '246813' });
  });

  it('names the first field that is wrong, with the vault\'s rule, and clears the repeat', () => {
    expect(problemsOf('', '')).toMatchObject({ ok: false, problems: [['pin-new', 'pin.errors.required']] });
    expect(problemsOf('12345', '12345')).toMatchObject({ ok: false, problems: [['pin-new', 'pin.errors.too-short']], again: '' });
    expect(problemsOf('12345a', '12345a')).toMatchObject({ ok: false, problems: [['pin-new', 'pin.errors.not-digits']] });
    expect(problemsOf('246813', '')).toMatchObject({ ok: false, problems: [['pin-again', 'pin.errors.againRequired']] });
    expect(problemsOf('246813', '246814')).toMatchObject({ ok: false, problems: [['pin-again', 'pin.errors.mismatch']], again: '' });
  });

  it('refuses PINs that are easy to guess, and dates, before the repeat is asked for', () => {
    expect(problemsOf('111111', '111111')).toMatchObject({ ok: false, problems: [['pin-new', 'pin.errors.too-simple']], again: '' });
    expect(problemsOf('123456', '123456')).toMatchObject({ ok: false, problems: [['pin-new', 'pin.errors.too-simple']] });
    expect(problemsOf('010190', '010190')).toMatchObject({ ok: false, problems: [['pin-new', 'pin.errors.date-like']] });
  });

  it('reset() forgets both PINs', () => {
    const form = new SetPinForm();
    form.pin = '246813';
    form.again = '246813';
    form.reset();
    expect([form.pin, form.again, form.problems]).toEqual(['', '', []]);
  });
});

describe('SetPinForm.submit', () => {
  const staff = { username: 'anna', role: 'caseworker' as const };
  const vault = { username: 'anna' } as import('#vault/vault.ts').Vault;

  it('creates the profile with the PIN and forgets it', async () => {
    const calls: unknown[] = [];
    const form = new SetPinForm(async (...args) => (calls.push(args), vault));
    form.pin = '246813';
    form.again = '246813';
    expect(await form.submit(staff, MIN_PIN_LENGTH)).toBe(vault);
    expect(calls).toEqual([[staff, '246813']]);
    expect(form.pin).toBe('');
  });

  it('creates nothing from a PIN that breaks the rules', async () => {
    const calls: unknown[] = [];
    const form = new SetPinForm(async (...args) => (calls.push(args), vault));
    form.pin = '123456';
    form.again = '123456';
    expect(await form.submit(staff, MIN_PIN_LENGTH)).toBeUndefined();
    expect(calls).toEqual([]);
    expect(form.problems).toHaveLength(1);
  });

  it('says so when the profile cannot be stored', async () => {
    const error = console.error;
    console.error = () => undefined;
    const form = new SetPinForm(async () => {
      throw new Error('quota');
    });
    form.pin = '246813';
    form.again = '246813';
    expect(await form.submit(staff, MIN_PIN_LENGTH)).toBeUndefined();
    console.error = error;
    expect(form.failed).toBe(true);
    expect(form.busy).toBe(false);
  });

  it('says so when this person already has drafts here under the PIN they had', async () => {
    const form = new SetPinForm(async () => {
      throw new ProfileHasDraftsError('anna', 2);
    });
    form.pin = '246813';
    form.again = '246813';
    expect(await form.submit(staff, MIN_PIN_LENGTH)).toBeUndefined();
    expect(form).toMatchObject({ hasDrafts: true, failed: false });
    form.reset();
    expect(form.hasDrafts).toBe(false);
  });
});
