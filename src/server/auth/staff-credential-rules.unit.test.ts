import { describe, expect, it } from 'vitest';
import { sha256 } from '../crypto/tokens.ts';
import type { StaffCredential } from '../store/store.ts';
import { RENEWAL_RETRY_MS, renewalRefusal, STAFF_SIGN_IN_DAYS } from './staff-credential-rules.ts';

const signedIn = new Date('2026-12-01T08:00:00Z');
const secret = sha256('the renewal secret');
const held: StaffCredential = {
  deviceId: 'tablet-1',
  userId: 'u1',
  username: 'anna',
  issuedAt: signedIn.toISOString(),
  expiresAt: '2026-12-01T20:00:00.000Z',
  disabledAt: null,
  signedInAt: signedIn.toISOString(),
  renewalHash: secret,
  renewedAt: null,
};
const later = (ms: number) => new Date(signedIn.getTime() + ms);

describe('renewalRefusal', () => {
  it('renews this tablet\'s credential with its secret, also once it has expired', () => {
    expect(renewalRefusal(held, 'tablet-1', secret, later(3 * 86_400_000))).toBeUndefined();
  });

  it('ends the chain STAFF_SIGN_IN_DAYS after the online sign-in it started from', () => {
    const renewed = { ...held, issuedAt: later(13 * 86_400_000).toISOString() };
    expect(renewalRefusal(renewed, 'tablet-1', secret, later(STAFF_SIGN_IN_DAYS * 86_400_000))).toBeUndefined();
    expect(renewalRefusal(renewed, 'tablet-1', secret, later(STAFF_SIGN_IN_DAYS * 86_400_000 + 1))).toBe('sign_in_again');
  });

  it('lets a used secret retry for a while after its first use, then never', () => {
    const used = { ...held, renewedAt: later(60_000).toISOString() };
    expect(renewalRefusal(used, 'tablet-1', secret, later(60_000 + RENEWAL_RETRY_MS))).toBeUndefined();
    expect(renewalRefusal(used, 'tablet-1', secret, later(60_000 + RENEWAL_RETRY_MS + 1))).toBe('renewal_refused');
  });

  it('refuses another secret, a credential from before renewals, another tablet and a leaver', () => {
    const now = later(60_000);
    expect(renewalRefusal(held, 'tablet-1', sha256('guessed'), now)).toBe('renewal_refused');
    expect(renewalRefusal({ ...held, renewalHash: null }, 'tablet-1', secret, now)).toBe('renewal_refused');
    expect(renewalRefusal(held, 'tablet-2', secret, now)).toBe('unknown_credential');
    expect(renewalRefusal(undefined, 'tablet-1', secret, now)).toBe('unknown_credential');
    expect(renewalRefusal({ ...held, disabledAt: now.toISOString() }, 'tablet-1', secret, now)).toBe('account_disabled');
  });
});
