import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Vault } from '#vault/vault.ts';
import { TabletUi } from './tablet-ui.svelte.ts';

/** A vault as far as TabletUi sees it: who, and whether lock() was called. */
function vaultOf(username: string): Vault & { lockedNow: boolean } {
  const v = { username, role: 'caseworker', lockedNow: false, lock: () => (v.lockedNow = true) };
  return v as unknown as Vault & { lockedNow: boolean };
}

/** The tab's session storage, as a browser keeps it through a reload. */
function fakeSessionStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('TabletUi on a shared tablet', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', fakeSessionStorage()));

  it('keeps the path for the person who locked it, and sends someone else home', () => {
    const ui = new TabletUi();
    ui.phase = 'locked';
    expect(ui.open(vaultOf('anna'), false)).toBe(true); // unknown who was here, several people: home
    ui.lock('manual');
    expect(ui.phase).toBe('locked');
    expect(ui.lastStaff).toBe('anna');
    expect(ui.open(vaultOf('anna'), false)).toBe(false);
    ui.lock('idle');
    expect(ui.open(vaultOf('bo'), false)).toBe(true);
    expect(ui.lastStaff).toBe('bo');
  });

  it('with one person on the tablet, a reload keeps the path', () => {
    const ui = new TabletUi();
    expect(ui.open(vaultOf('anna'), true)).toBe(false);
  });

  it('remembers the last person through a reload of the tab, not their key', () => {
    const first = new TabletUi();
    const vault = vaultOf('anna');
    first.open(vault);
    first.lock('manual');
    expect(vault.lockedNow).toBe(true);
    const reloaded = new TabletUi();
    expect(reloaded.lastStaff).toBe('anna');
    expect(reloaded.vault).toBeUndefined();
  });

  it('adds a staff member from the locked tablet, and can cancel back', () => {
    const ui = new TabletUi();
    ui.addStaff();
    expect(ui.phase).toBe('starting'); // only from the lock screen
    ui.phase = 'locked';
    ui.addStaff();
    expect(ui).toMatchObject({ phase: 'sign-in', adding: true });
    ui.cancelAdd();
    expect(ui).toMatchObject({ phase: 'locked', adding: false });
  });

  it('sends someone who signed in again back to their PIN, and hands their renewal secret to their unlock once', () => {
    const ui = new TabletUi();
    ui.open(vaultOf('anna'));
    ui.signInAgain = true;
    ui.lock('manual');
    expect(ui.signInAgain).toBe(false);
    ui.addStaff(true);
    expect(ui).toMatchObject({ phase: 'sign-in', adding: true, again: true });
    ui.signedInAgain({ username: 'anna', role: 'caseworker', renewalSecret: 'from the sign-in' });
    expect(ui).toMatchObject({ phase: 'locked', adding: false, again: false, reconfirmed: 'anna', lastStaff: 'anna' });
    expect(ui.takeRenewal('bo')).toBeUndefined();
    expect(ui.takeRenewal('anna')).toBe('from the sign-in');
    expect(ui.takeRenewal('anna')).toBeUndefined();
    ui.open(vaultOf('anna'));
    expect(ui.reconfirmed).toBeUndefined();
  });

  it('after a wipe or a sign-out, goes to the others when there are any, else to the sign-in', () => {
    const ui = new TabletUi();
    ui.open(vaultOf('bo'));
    ui.wipedOut(1, 0, true, 'bo');
    expect(ui).toMatchObject({ phase: 'locked', wiped: { rescued: 1, notRescued: 0, name: 'bo' } });
    ui.wipedOut(0, 0, false, 'anna');
    expect(ui.phase).toBe('sign-in');

    ui.open(vaultOf('anna'));
    ui.signOut('anna', true);
    expect(ui).toMatchObject({ phase: 'locked', signedOut: 'anna', lastStaff: undefined, vault: undefined });
    ui.open(vaultOf('bo'));
    expect(ui.signedOut).toBeUndefined();
    ui.signOut('bo', false);
    expect(ui.phase).toBe('sign-in');
  });
});
