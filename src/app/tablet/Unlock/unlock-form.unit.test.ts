import { describe, expect, it } from 'vitest';
import { UnlockForm } from './unlock-form.svelte.ts';

describe('UnlockForm', () => {
  it('asks for a PIN before trying one', () => {
    const form = new UnlockForm();
    expect(form.required()).toBe(false);
    expect(form.problems).toEqual([{ field: 'pin-unlock', key: 'unlock.errors.required' }]);
    form.pin = '246813';
    expect(form.required()).toBe(true);
  });

  it('after a wrong PIN says how many tries are left and forgets what was typed', () => {
    const form = new UnlockForm();
    form.pin = '000000';
    form.wrong(3);
    expect(form.pin).toBe('');
    expect(form.problems).toEqual([{ field: 'pin-unlock', key: 'unlock.errors.wrong', values: { count: 3 } }]);
  });
});
