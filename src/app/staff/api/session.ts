import type { StaffSession } from '#contract/staff.ts';
import { call, post, StaffApiError } from './http.ts';

/** Signing in and out, the current session, and the account's own password and second factor. */

export const login = (username: string, password: string, code?: string) =>
  call<StaffSession>('login', '/login', post({ username, password, ...(code ? { code } : {}) }));
export const logout = () => call<void>('logout', '/logout', post());

/** The current session, or undefined when there is none (the cookie is unreadable to script). */
export async function currentSession(): Promise<StaffSession | undefined> {
  try {
    return await call<StaffSession>('session', '/session');
  } catch (error) {
    if (error instanceof StaffApiError && error.status === 401) return undefined;
    throw error;
  }
}

export const changePassword = (currentPassword: string, newPassword: string) =>
  call<void>('password', '/password', post({ currentPassword, newPassword }));
/** Starts a TOTP enrolment: the secret and the `otpauth://` address for the QR code. */
export const startTotp = () => call<{ secret: string; uri: string }>('totp.enrol', '/totp/enrol', post());
/** Confirms it with a first code; the recovery codes, shown once. */
export const confirmTotp = (code: string) => call<{ recoveryCodes: string[] }>('totp.confirm', '/totp/confirm', post({ code }));
