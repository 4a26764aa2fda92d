import * as v from 'valibot';
import { MAX_STAFF_PASSWORD_LENGTH, staffRoles } from './staff-base.ts';

/**
 * Signing in and the staff accounts: the bodies the server validates with these schemas, and the
 * answers the back office reads (its types are inferred from them; the OpenAPI document shows them).
 */

const password = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_STAFF_PASSWORD_LENGTH));
const role = v.picklist(staffRoles);

/** POST /login. */
export const loginBodySchema = v.object({
  username: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  password,
  /** The second factor: a 6-digit TOTP code or a recovery code, for accounts that have one. */
  code: v.optional(v.pipe(v.string(), v.maxLength(32))),
});

/** The signed-in staff member, as login and GET /session answer it (the cookie itself is HttpOnly). */
export const staffSessionSchema = v.object({
  username: v.string(),
  role,
  /** The idle end: the session ends then unless a request comes first (each request moves it on). */
  expiresAt: v.string(),
  /** The absolute end (STAFF_SESSION_HOURS after sign-in): no request moves it. */
  absoluteExpiresAt: v.optional(v.string()),
  /** How far each request moves the idle end (STAFF_IDLE_MINUTES), in seconds. */
  idleSeconds: v.optional(v.number()),
  /** The identity provider's name, for an account made at sign-in through the organisation's login. */
  displayName: v.optional(v.string()),
  /** True when the account has a TOTP second factor. */
  secondFactor: v.optional(v.boolean()),
  /** A local admin without a second factor: every other call answers 403 `second_factor_required` until one is enrolled. */
  secondFactorRequired: v.optional(v.boolean()),
  /** After an admin's reset: a new password must be chosen first. */
  mustChangePassword: v.optional(v.boolean()),
});
export type StaffSession = v.InferOutput<typeof staffSessionSchema>;

/** GET /sso: whether sign-in through the organisation is offered. */
export const ssoAnswerSchema = v.object({ enabled: v.boolean(), separateAdminDuties: v.boolean() });

/** POST /password: the current password is asked again, so an unlocked screen left behind is not enough. */
export const changePasswordBodySchema = v.object({ currentPassword: password, newPassword: v.pipe(v.string(), v.maxLength(MAX_STAFF_PASSWORD_LENGTH)) });
/** POST /users/:username/role. */
export const roleBodySchema = v.object({ role });
/** POST /users: the server checks the username's form and the password's strength and says why it refuses. */
export const newUserBodySchema = v.object({ username: v.pipe(v.string(), v.maxLength(128)), password: v.pipe(v.string(), v.maxLength(MAX_STAFF_PASSWORD_LENGTH)), role });
/** POST /totp/confirm: the first code from the authenticator app. */
export const totpConfirmBodySchema = v.object({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(32)) });

export const staffAccountSchema = v.object({
  username: v.string(),
  role,
  createdAt: v.string(),
  disabledAt: v.nullable(v.string()),
  disabledBy: v.nullable(v.string()),
  /** The identity provider's name for an account made at sign-in (absent from older servers). */
  displayName: v.optional(v.nullable(v.string())),
  /** Made at sign-in through the organisation's login: no local password to reset. */
  sso: v.optional(v.boolean()),
});
export type StaffAccountAnswer = v.InferOutput<typeof staffAccountSchema>;
export const staffAccountsSchema = v.object({ users: v.array(staffAccountSchema) });

/** POST /users (201) and POST /users/:username/role: the account as it now is. */
export const accountRoleSchema = v.object({ username: v.string(), role });

/** GET /people: the names to show for accounts made at sign-in, whose usernames are hashes. */
export const staffPeopleSchema = v.object({ people: v.array(v.object({ username: v.string(), displayName: v.string() })) });
export type StaffPeopleAnswer = v.InferOutput<typeof staffPeopleSchema>;

/** POST /users/:username/reset-password: shown once; it only lets its owner choose a new password. */
export const temporaryPasswordSchema = v.object({ username: v.string(), temporaryPassword: v.string() });
/** POST /totp/enrol: the new secret and its otpauth:// address (shown as a QR code). */
export const totpEnrolmentSchema = v.object({ secret: v.string(), uri: v.string() });
/** POST /totp/confirm: the 10 recovery codes, never shown again. */
export const recoveryCodesSchema = v.object({ recoveryCodes: v.array(v.string()) });
