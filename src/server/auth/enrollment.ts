import { randomInt } from 'node:crypto';
import { sha256, timingSafeEqualText } from '../crypto/tokens.ts';

// Crockford's base32 without I, L, O, U: nothing to misread when staff type it on a kiosk.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 characters, 80 bits, grouped as XXXX-XXXX-XXXX-XXXX for typing. */
export function generateEnrollmentCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return chars.join('').replace(/(.{4})(?!$)/g, '$1-');
}

/** What is stored of an admin's enrolment code, and compared: case and spaces as staff might type them. */
export function enrollmentCodeHash(code: string): string {
  return sha256(code.trim().toUpperCase());
}

/** Compares without leaking how much of the code matched. */
export function enrollmentCodeMatches(given: string, expected: string): boolean {
  return timingSafeEqualText(enrollmentCodeHash(given), enrollmentCodeHash(expected));
}
