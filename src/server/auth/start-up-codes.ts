import { createHash } from 'node:crypto';
import type { Log } from '../log.ts';
import type { Store } from '../store/store.ts';
import { enrollmentCodeHash, generateEnrollmentCode } from './enrollment.ts';

/**
 * No permanent master code. ENROLLMENT_CODE, when set, becomes a stored enrolment code like the ones
 * admins make: it expires, has a use limit, is listed in the back office and can be revoked there.
 * It is stored once, when first seen: a restart does not renew it, so an expired or revoked one
 * stays so until the operator sets a new value.
 */
export const DEFAULT_ENV_CODE_HOURS = 24;
export const DEFAULT_ENV_CODE_MAX_USES = 50;
/** The first-run set-up code: long enough to set up the first kiosks, too short to linger in a scrollback. */
export const SETUP_CODE_MINUTES = 60;
export const SETUP_CODE_MAX_USES = 10;

const SIGNIFICANT = /[\s-]/g;

/**
 * Why `code` is too weak to guard enrolment, or undefined. At least 16 letters and digits (spaces
 * and dashes do not count) with 8 different characters, mixing letters and digits unless it has 24
 * or more: a generated code (80 bits) passes, a word or a date does not.
 */
export function enrollmentCodeWeakness(code: string): string | undefined {
  const chars = code.trim().toUpperCase().replace(SIGNIFICANT, '');
  const fresh = generateEnrollmentCode();
  const advice = `Use a random one, for example ${fresh} (freshly made, not in use), or leave it unset and make codes in the back office.`;
  if (chars.length < 16) return `ENROLLMENT_CODE is too short: it needs at least 16 letters and digits, not counting spaces and dashes. ${advice}`;
  if (new Set(chars).size < 8) return `ENROLLMENT_CODE repeats too few characters: it needs at least 8 different ones. ${advice}`;
  if (chars.length < 24 && !(/\p{L}/u.test(chars) && /\p{N}/u.test(chars))) return `ENROLLMENT_CODE must mix letters and digits (or have at least 24 characters). ${advice}`;
  return undefined;
}

/** A stable id for the row of a given ENROLLMENT_CODE, so that every process (and restart) agrees on it. */
function envCodeId(codeHash: string): string {
  const h = createHash('sha256').update(`env-enrolment-code:${codeHash}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Stores ENROLLMENT_CODE as an enrolment code unless it is stored already; answers its id. */
export async function ensureEnvEnrolmentCode(store: Store, code: string, hours: number, maxUses: number, log: Log): Promise<string> {
  const codeHash = enrollmentCodeHash(code);
  const id = envCodeId(codeHash);
  const known = async () => (await store.listEnrolmentCodes()).find((c) => c.id === id);
  let row = await known();
  if (!row) {
    const now = new Date();
    try {
      await store.createEnrolmentCode({
        id,
        codeHash,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + hours * 3600_000).toISOString(),
        createdBy: 'system:ENROLLMENT_CODE',
        label: 'ENROLLMENT_CODE (server setting)',
        maxUses,
      });
    } catch (err) {
      // Another process on the same PostgreSQL stored it first: fine. Anything else is re-thrown.
      if (!(await known())) throw err;
    }
    row = await known();
  }
  if (row && (row.revokedAt || row.expiresAt <= new Date().toISOString() || (row.maxUses !== null && row.uses >= row.maxUses))) {
    log('warn', 'enrollment_code_unusable', { id, hint: 'ENROLLMENT_CODE has expired, been revoked or used up; set a new value or make a code in the back office' });
  }
  return id;
}

/**
 * A fresh install (no device enrolled, no usable code) run on a terminal gets a set-up code for its
 * first kiosks, shown once on that terminal (never in the logs) and valid for an hour. Answers the
 * code and its expiry, or undefined when none was made.
 */
export async function makeSetupCodeIfFresh(store: Store): Promise<{ code: string; expiresAt: string } | undefined> {
  const now = new Date();
  const usable = (await store.listEnrolmentCodes()).some(
    (c) => !c.revokedAt && c.expiresAt > now.toISOString() && (c.maxUses === null || c.uses < c.maxUses),
  );
  if (usable || (await store.listDevices()).length > 0) return undefined;
  const code = generateEnrollmentCode();
  const expiresAt = new Date(now.getTime() + SETUP_CODE_MINUTES * 60_000).toISOString();
  await store.createEnrolmentCode({
    id: crypto.randomUUID(),
    codeHash: enrollmentCodeHash(code),
    createdAt: now.toISOString(),
    expiresAt,
    createdBy: 'system:setup',
    label: 'First-run set-up code',
    maxUses: SETUP_CODE_MAX_USES,
  });
  return { code, expiresAt };
}
