import { describe, expect, it } from 'vitest';
import type { StaffCredentialAnswer } from '#outbox/staff-credential.ts';
import type { Vault } from '#vault/vault.ts';
import { confirmOnline, type OnlineUnlockIo } from './online-unlock.ts';

/** A vault that keeps its renewal secret in memory (the real one: src/vault/renewal-secret.ts). */
function vaultHolding(secret: string | undefined) {
  const kept: string[] = [];
  const vault = {
    username: 'anna',
    renewalSecret: async () => secret,
    keepRenewalSecret: async (next: string) => void kept.push(next),
  } as unknown as Vault;
  return { vault, kept };
}

function server(answer: StaffCredentialAnswer, online = true) {
  const asked: string[] = [];
  const io: OnlineUnlockIo = {
    online: () => online,
    extend: async (username, secret) => (asked.push(`extend ${username} ${secret}`), answer),
    check: async (username) => (asked.push(`check ${username}`), 'active'),
  };
  return { io, asked };
}

describe('the online unlock', () => {
  it('renews the credential with the kept secret and keeps the next one', async () => {
    const { vault, kept } = vaultHolding('first');
    const { io, asked } = server({ outcome: 'saved', renewalSecret: 'second' });
    expect(await confirmOnline(vault, undefined, io)).toBe('active');
    expect(asked).toEqual(['extend anna first']);
    expect(kept).toEqual(['second']);
  });

  it('says disabled for a leaver and sign in again when the chain has ended, keeping nothing', async () => {
    const { vault, kept } = vaultHolding('first');
    expect(await confirmOnline(vault, undefined, server({ outcome: 'accountDisabled' }).io)).toBe('disabled');
    expect(await confirmOnline(vault, undefined, server({ outcome: 'signInAgain' }).io)).toBe('signInAgain');
    expect(await confirmOnline(vault, undefined, server({ outcome: 'unavailable' }).io)).toBe('unknown');
    expect(kept).toEqual([]);
  });

  it('only checks a profile from before renewals, and asks nothing offline', async () => {
    const before = server({ outcome: 'saved' });
    expect(await confirmOnline(vaultHolding(undefined).vault, undefined, before.io)).toBe('active');
    expect(before.asked).toEqual(['check anna']);
    const offline = server({ outcome: 'saved' }, false);
    expect(await confirmOnline(vaultHolding('first').vault, undefined, offline.io)).toBe('unknown');
    expect(offline.asked).toEqual([]);
  });

  it('keeps the secret of a sign-in made just before, without asking the server again', async () => {
    const { vault, kept } = vaultHolding('old');
    const { io, asked } = server({ outcome: 'saved', renewalSecret: 'x' });
    expect(await confirmOnline(vault, 'from the sign-in', io)).toBe('unknown');
    expect(kept).toEqual(['from the sign-in']);
    expect(asked).toEqual([]);
  });
});
