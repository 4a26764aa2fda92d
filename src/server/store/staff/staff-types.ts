import { staffRoles } from '#contract/staff.ts';
import type { AuditEntry } from '../audit/audit-store.ts';
import type { NewStaffCredential, StaffCredential } from './staff-credentials.ts';

export { staffRoles };
export type StaffRole = (typeof staffRoles)[number];

export interface StaffUser {
  id: string;
  username: string;
  role: StaffRole;
  passwordHash: string;
  createdAt: string;
  /** Set when an admin deactivated the account; absent while it is active. */
  disabledAt?: string;
  /** After an admin's reset, until the owner chose a new password. */
  mustChangePassword?: boolean;
  /** The identity provider's name for an account made at sign-in (the username is a hash). */
  displayName?: string;
}

/** A staff account as admins see it in the list: never the password hash. */
export interface StaffUserInfo {
  username: string;
  role: StaffRole;
  createdAt: string;
  disabledAt: string | null;
  disabledBy: string | null;
  /** The provider's name for an account made at sign-in; null for local accounts. */
  displayName: string | null;
  /** Made at sign-in through the organisation's login: it has no local password. */
  sso: boolean;
}

/** An account's TOTP second factor as stored: the secret sealed under the KEK, never in clear. */
export interface StoredSecondFactor {
  sealedSecret: string;
  /** Null while enrolment waits for the first code. */
  confirmedAt: string | null;
  lastStep: number | null;
  recoveryCodesLeft: number;
}

export type DisableUserOutcome = 'disabled' | 'not_found' | 'last_admin';
export type RoleChangeOutcome = 'changed' | 'unchanged' | 'not_found' | 'last_admin';
export type PasswordAction = 'change_password' | 'reset_password';

export interface StaffSession {
  userId: string;
  username: string;
  role: StaffRole;
  expiresAt: string;
  /** When the session began: it ends STAFF_SESSION_HOURS later however active it is. */
  createdAt?: string;
  /** After an admin's reset: only choosing a new password is allowed. */
  mustChangePassword?: boolean;
  /** `oidc` when opened through the organisation's login, which asks for its own second factor. */
  via?: 'oidc';
  /** The account has a confirmed TOTP second factor. */
  secondFactor?: boolean;
}

/** Staff accounts, their sessions, second factors and the credentials tablets get for them. */
export interface StaffStore {
  /** False when the username is taken: an existing user is never overwritten. Audited as `create_user` by `actor`. */
  createUser(user: StaffUser, actor?: string): Promise<boolean>;
  /** Deactivated users too (with disabledAt): the caller decides what they may do. */
  userByUsername(username: string): Promise<StaffUser | undefined>;
  /** Every account, by username. */
  listUsers(): Promise<StaffUserInfo[]>;
  /** The accounts that have a display name (made at sign-in through the organisation's login). */
  displayNames(): Promise<{ username: string; displayName: string }[]>;
  /**
   * Deactivates an active account, ends its sessions and audits it, in one transaction. Refuses to
   * deactivate the last active admin (auth/last-admin.ts), so that nobody is locked out of administration.
   */
  disableUser(username: string, at: string, actor: string): Promise<DisableUserOutcome>;
  /**
   * Creates an account made at sign-in through the organisation's login, or sets its role to what
   * the provider now grants; its display name is set to the provider's at every sign-in.
   */
  upsertSsoUser(user: StaffUser): Promise<StaffUser>;
  /**
   * Sets an account's password hash and whether it must be changed at next sign-in, audited as
   * `action` by `actor`. A reset (mustChange) also ends the account's sessions. False if no such user.
   */
  setPassword(userId: string, passwordHash: string, mustChange: boolean, at: string, actor: string, action: PasswordAction): Promise<boolean>;
  /** Reactivates a deactivated account (audited); false when there is no deactivated account of that name. */
  reactivateUser(username: string, at: string, actor: string): Promise<boolean>;
  /** Changes an active account's role (audited), never leaving no active admin; its sessions end. */
  setUserRole(username: string, role: StaffRole, at: string, actor: string): Promise<RoleChangeOutcome>;

  /** Stores the session and, when given, its `login` audit entry in one transaction; `via` says how it was opened. */
  createSession(tokenHash: string, userId: string, createdAt: string, expiresAt: string, audit?: AuditEntry, via?: 'oidc'): Promise<void>;
  /** Only sessions that have not expired at `now`, of accounts that are active. */
  sessionByTokenHash(tokenHash: string, now: string): Promise<StaffSession | undefined>;
  /** Moves a session's idle end on (never past its absolute end, which the caller computed). */
  extendSession(tokenHash: string, expiresAt: string): Promise<void>;
  /** Deletes the session and, when given, writes its `logout` audit entry in one transaction. */
  deleteSession(tokenHash: string, audit?: AuditEntry): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;
  /** Ends every session of an account (its provider no longer grants it a role). */
  endSessionsOfUser(userId: string): Promise<void>;

  /** The account's second factor, confirmed or still being enrolled. */
  secondFactor(userId: string): Promise<StoredSecondFactor | undefined>;
  /** Starts (or restarts) an enrolment with a new sealed secret; false if a confirmed factor exists. */
  startSecondFactor(userId: string, sealedSecret: string): Promise<boolean>;
  /**
   * Confirms an enrolment with the step of its first code and the recovery codes' hashes, audited as
   * `enrol_second_factor` by `actor`; false if there is no pending enrolment.
   */
  confirmSecondFactor(userId: string, step: number, recoveryHashes: string[], at: string, actor: string, detail?: Record<string, unknown>): Promise<boolean>;
  /** Records `step` as used; false when it (or a later step) was used already, so a code works once. */
  useTotpStep(userId: string, step: number): Promise<boolean>;
  /** Crosses a recovery code off (audited as `use_recovery_code`); false when it is not an unused one. */
  useRecoveryCode(userId: string, hash: string, at: string, actor: string): Promise<boolean>;

  /** Staff credentials a tablet gets at online sign-in (staff-credentials.ts). */
  saveStaffCredential(credential: NewStaffCredential): Promise<void>;
  staffCredentialByHash(tokenHash: string): Promise<StaffCredential | undefined>;
  /** The presented credential renewed by `next` (audited as `renew_staff_credential` by `actor`). */
  renewStaffCredential(presentedHash: string, next: NewStaffCredential, actor: string): Promise<void>;
}
