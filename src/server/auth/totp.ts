import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { sha256 } from '../crypto/tokens.ts';

/**
 * Time-based one-time passwords as RFC 6238 and every authenticator app define them: HMAC-SHA1,
 * 6 digits, a new code every 30 seconds. One step either side is accepted, so a phone clock a little
 * off still works. A code is good once: the account keeps the last step it used, and a code for that
 * step or an earlier one is refused, so a code read over a shoulder cannot be replayed.
 */
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
export const TOTP_ISSUER = 'Borgerservice';
export const RECOVERY_CODE_COUNT = 10;

const BASE32 = /^[A-Z2-7]{16,128}=*$/;

export const isBase32Secret = (secret: string) => BASE32.test(secret.replace(/\s+/g, '').toUpperCase());

/** 160 random bits, the size RFC 4226 recommends. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totp = (secret: string, username = '') =>
  new TOTP({ issuer: TOTP_ISSUER, label: username, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secret.replace(/\s+/g, '').toUpperCase()) });

/** The `otpauth://` address an authenticator app reads from the QR code. */
export const totpUri = (secret: string, username: string) => totp(secret, username).toString();

/** The code for `nowMs` (tests and the e2e helpers compute codes like an app would). */
export const totpCode = (secret: string, nowMs = Date.now()) => totp(secret).generate({ timestamp: nowMs });

/** The time step the code belongs to, or null when it matches none within the window. */
export function totpStep(secret: string, code: string, nowMs = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: nowMs, window: WINDOW });
  return delta === null ? null : Math.floor(nowMs / 1000 / PERIOD) + delta;
}

/** Recovery codes: 10 random base32 characters in two groups of five, e.g. `k7q2m-x9d4t`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes carry 50 random bits, too many to guess; a plain hash keeps them unreadable at rest. */
export const hashRecoveryCode = (code: string) => sha256(code.trim().toLowerCase().replace(/[\s-]/g, ''));

/** A typed code that looks like a recovery code rather than a 6-digit one. */
export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
