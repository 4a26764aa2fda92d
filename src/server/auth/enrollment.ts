import { randomInt } from 'node:crypto';
import { sha256 } from '../crypto/tokens.ts';
import type { EnrolmentCodeRefusal } from '../store/store.ts';

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

/**
 * What a device is told when a code does not enrol it. Every refusal is 403: the device's set-up
 * screen says "wrong code" for any of them, and the message tells the staff member what to do.
 * `wrong_enrollment_code` is the contract's code for a code that matches nothing.
 */
export const enrolmentRefusals: Record<EnrolmentCodeRefusal, { code: string; message: string }> = {
  unknown: {
    code: 'wrong_enrollment_code',
    message: 'The enrolment code is wrong; an admin makes codes in the back office (Devices).',
  },
  expired: { code: 'enrolment_code_expired', message: 'The enrolment code has expired; ask an admin for a new one.' },
  revoked: { code: 'enrolment_code_revoked', message: 'The enrolment code has been revoked by an admin; ask an admin for a new one.' },
  used_up: { code: 'enrolment_code_used_up', message: 'The enrolment code has enrolled as many devices as it may; ask an admin for a new one.' },
  wrong_kind: { code: 'enrolment_code_wrong_kind', message: 'The enrolment code is for another kind of device (kiosk or tablet); ask an admin for the right one.' },
};
