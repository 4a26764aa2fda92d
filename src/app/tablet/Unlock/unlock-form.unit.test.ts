import { describe, expect, it } from 'vitest';
import { UnlockForm } from './unlock-form.svelte.ts';

describe('UnlockForm', () => {
  it('asks who is unlocking and for a PIN before trying one', () => {
    const form = new UnlockForm();
    expect(form.required()).toBe(false);
    expect(form.problems).toEqual([
      { field: 'unlock-who', key: 'unlock.errors.whoRequired' },
      { field: 'pin-unlock', key: 'unlock.errors.required' },
    ]);
    form.choose('anna');
    expect(form.required()).toBe(false);
    form.pin = '246813';
    expect(form.required()).toBe(true);
  });

  it('forgets the PIN typed and what was said when another person is chosen', () => {
    const form = new UnlockForm();
    form.choose('anna');
    form.pin = '000000';
    form.wrong(2);
    form.choose('bo');
    expect(form).toMatchObject({ username: 'bo', pin: '', problems: [] });
  });

  it("tries the PIN against the chosen person's profile only", async () => {
    const tried: [string, string][] = [];
    const form = new UnlockForm(async (username, pin) => (tried.push([username, pin]), { ok: false, reason: 'wrong-pin', attemptsLeft: 4 }), async () => 'unknown');
    form.choose('bo');
    form.pin = '246813';
    expect(await form.submit()).toBeUndefined();
    expect(tried).toEqual([['bo', '246813']]);
    expect(form.problems).toEqual([{ field: 'pin-unlock', key: 'unlock.errors.wrong', values: { count: 4 } }]);
  });

  it('after a wrong PIN says how many tries are left and forgets what was typed', () => {
    const form = new UnlockForm();
    form.pin = '000000';
    form.wrong(3);
    expect(form.pin).toBe('');
    expect(form.problems).toEqual([{ field: 'pin-unlock', key: 'unlock.errors.wrong', values: { count: 3 } }]);
  });
});

describe('UnlockForm.submit', () => {
  const vault = { username: 'anna' } as import('#vault/vault.ts').Vault;

  it('answers the open vault and forgets the PIN', async () => {
    const form = new UnlockForm(async () => ({ ok: true, vault }));
    form.choose('anna');
    form.pin = '246813';
    expect(await form.submit()).toEqual({ ok: true, vault });
    expect(form.pin).toBe('');
  });

  it('does not open for an account the server says was deactivated: the vault is locked again at once', async () => {
    let locked = false;
    const leaver = { username: 'mette', lock: () => (locked = true) } as unknown as import('#vault/vault.ts').Vault;
    const asked: string[] = [];
    const form = new UnlockForm(async () => ({ ok: true, vault: leaver }), async (vault) => (asked.push(vault.username), 'disabled'));
    form.choose('anna');
    form.pin = '246813';
    expect(await form.submit()).toBeUndefined();
    expect(asked).toEqual(['mette']);
    expect(locked).toBe(true);
    expect(form.accountDisabled).toBe(true);
    expect(form.pin).toBe('');
  });

  it('opens when the server cannot be asked (offline): the PIN alone decides', async () => {
    const form = new UnlockForm(async () => ({ ok: true, vault }), async () => 'unknown');
    form.choose('anna');
    form.pin = '246813';
    expect(await form.submit()).toEqual({ ok: true, vault });
    expect(form.accountDisabled).toBe(false);
  });

  it('answers the wipe after the last wrong PIN', async () => {
    const form = new UnlockForm(async () => ({ ok: false, reason: 'wiped', rescued: 2, notRescued: 0 }));
    form.choose('anna');
    form.pin = '000000';
    expect(await form.submit()).toEqual({ ok: false, reason: 'wiped', rescued: 2, notRescued: 0 });
  });

  it('says how many tries are left after a wrong PIN, and does not try an empty one', async () => {
    let tries = 0;
    const form = new UnlockForm(async () => (tries++, { ok: false, reason: 'wrong-pin', attemptsLeft: 4 }));
    expect(await form.submit()).toBeUndefined();
    expect(tries).toBe(0);
    form.choose('anna');
    form.pin = '000000';
    expect(await form.submit()).toBeUndefined();
    expect(form.problems).toEqual([{ field: 'pin-unlock', key: 'unlock.errors.wrong', values: { count: 4 } }]);
    expect(form.busy).toBe(false);
  });

  it('says the unlock failed when storage fails, and forgets the PIN', async () => {
    const error = console.error;
    console.error = () => undefined;
    const form = new UnlockForm(async () => {
      throw new Error('closed');
    });
    form.choose('anna');
    form.pin = '246813';
    expect(await form.submit()).toBeUndefined();
    console.error = error;
    expect(form.failed).toBe(true);
    expect(form.pin).toBe('');
    expect(form.problems).toEqual([]);
  });
});
