import { checkStaffAccount, type StaffCheck } from '#outbox/staff-check.ts';
import { extendStaffCredential, type StaffCredentialAnswer } from '#outbox/staff-credential.ts';
import type { Vault } from '#vault/vault.ts';

/**
 * What the server says at an online unlock: the staff check's answer, or 'signInAgain' when the
 * person's credential can no longer be renewed (their work then goes without their name until
 * they sign in online again).
 */
export type OnlineUnlock = StaffCheck | 'signInAgain';

export interface OnlineUnlockIo {
  online(): boolean;
  extend(username: string, renewalSecret: string): Promise<StaffCredentialAnswer>;
  check(username: string): Promise<StaffCheck>;
}

const defaultIo: OnlineUnlockIo = {
  online: () => typeof navigator !== 'undefined' && navigator.onLine,
  extend: (username, secret) => extendStaffCredential(username, secret),
  check: (username) => checkStaffAccount(username),
};

/**
 * Right after the PIN opened the vault, online: the person's credential is renewed with the secret
 * kept under that PIN (the renewal also says whether the account may still work), and the new
 * secret kept in its place. `pending`: a secret from an online sign-in made just before this
 * unlock, kept as it is. A profile from before renewals is only checked. Offline, or when the server
 * cannot be asked, the PIN alone decides: 'unknown'.
 */
export async function confirmOnline(vault: Vault, pending?: string, io: OnlineUnlockIo = defaultIo): Promise<OnlineUnlock> {
  if (pending) {
    await vault.keepRenewalSecret(pending);
    return 'unknown';
  }
  if (!io.online()) return 'unknown';
  const secret = await vault.renewalSecret();
  if (!secret) return io.check(vault.username);
  const renewed = await io.extend(vault.username, secret);
  switch (renewed.outcome) {
    case 'saved':
      if (renewed.renewalSecret) await vault.keepRenewalSecret(renewed.renewalSecret);
      return 'active';
    case 'accountDisabled':
      return 'disabled';
    case 'signInAgain':
      return 'signInAgain';
    default:
      return 'unknown';
  }
}
