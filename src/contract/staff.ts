import * as v from 'valibot';
import type { DeviceReport } from './device-report.ts';
import { submissionStatuses } from '#domain/casework/submission-workflow.ts';

/**
 * The staff API's requests and answers, shared by the server (which validates with them) and the
 * back office (which takes its types from them), and the source of the OpenAPI document served at
 * /api/openapi.json. Extend, never break: a municipality's integration may read these answers.
 */

export { submissionStatuses };
export const deviceKinds = ['kiosk', 'tablet'] as const;
export const staffRoles = ['admin', 'caseworker'] as const;

export const errorSchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
});

export const loginBodySchema = v.object({
  username: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  password: v.pipe(v.string(), v.minLength(1)),
});

export const staffUserSchema = v.object({
  username: v.string(),
  role: v.picklist(staffRoles),
});

/** The list's query parameters, as the inbox sends them (all optional strings). */
export const submissionListQuery = {
  status: 'One of received, in_progress, done, rejected; empty for any.',
  type: 'A request type; empty for any.',
  from: 'Created from (YYYY-MM-DD, or an ISO timestamp), inclusive.',
  to: 'Created to (YYYY-MM-DD inclusive, or an ISO timestamp exclusive).',
  deviceId: 'One device.',
  deviceKind: 'kiosk or tablet.',
  reference: 'A reference in any spelling (hyphens, spaces, case); the check symbol must hold, else 400.',
  cpr: 'A CPR number (10 digits, hyphen optional): exact match through a keyed blind index.',
  q: 'One or more whole name tokens; every token must match.',
  sort: 'receivedAt (default, descending), createdAt, type, status, reference; a leading - sorts descending.',
  limit: 'Rows in the page, 1 to 10,000 (500 by default). A page of at most 100 carries citizenName.',
  offset: 'Rows to skip.',
} as const;

export const submissionRowSchema = v.object({
  id: v.string(),
  reference: v.string(),
  type: v.string(),
  status: v.picklist(submissionStatuses),
  createdAt: v.string(),
  receivedAt: v.string(),
  deviceId: v.string(),
  deviceName: v.string(),
  deviceKind: v.picklist(deviceKinds),
  assisted: v.nullable(v.boolean()),
  assistedBy: v.nullable(v.string()),
  deletesAt: v.optional(v.string()),
  /** Decrypted for a page of at most 100 rows; absent otherwise or where the form has no name. */
  citizenName: v.optional(v.nullable(v.string())),
  /** The account that assisted was deactivated after it sealed this work. */
  assistedByDisabled: v.optional(v.boolean()),
  /** The caseworker who has the case; null while nobody has it. */
  assignee: v.optional(v.nullable(v.string())),
  /** The last day the case should be handled by (YYYY-MM-DD, Copenhagen). */
  dueAt: v.optional(v.string()),
});

export const submissionListSchema = v.object({
  submissions: v.array(submissionRowSchema),
  total: v.number(),
});

export const transitionBodySchema = v.object({
  to: v.picklist(['in_progress', 'done', 'rejected']),
  note: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(2000)))),
});

export const historyEventSchema = v.object({
  at: v.string(),
  from: v.nullable(v.picklist(submissionStatuses)),
  to: v.picklist(submissionStatuses),
  note: v.nullable(v.string()),
  actor: v.string(),
});

export const submissionDetailSchema = v.object({
  ...submissionRowSchema.entries,
  schemaVersion: v.number(),
  allowedTransitions: v.array(v.picklist(submissionStatuses)),
  payload: v.record(v.string(), v.unknown()),
  history: v.array(historyEventSchema),
});

export type SubmissionRowAnswer = v.InferOutput<typeof submissionRowSchema>;
export type SubmissionListAnswer = v.InferOutput<typeof submissionListSchema>;
export type SubmissionStatus = (typeof submissionStatuses)[number];
export type DeviceKind = (typeof deviceKinds)[number];
export type StaffRole = (typeof staffRoles)[number];
export type HistoryEvent = v.InferOutput<typeof historyEventSchema>;

/** The signed-in staff member, as login and the session answer it (the cookie itself is HttpOnly). */
export interface StaffSession {
  username: string;
  role: StaffRole;
  /** The idle end: the session ends then unless a request comes first (each request moves it on). */
  expiresAt: string;
  /** The absolute end (STAFF_SESSION_HOURS after sign-in): no request moves it. */
  absoluteExpiresAt?: string;
  /** How far each request moves the idle end (STAFF_IDLE_MINUTES), in seconds. */
  idleSeconds?: number;
  /** The identity provider's name, for an account made at sign-in through the organisation's login. */
  displayName?: string;
  /** True when the account has a TOTP second factor. */
  secondFactor?: boolean;
  /**
   * A local admin without a second factor: every other call answers 403 `second_factor_required`
   * until one is enrolled (POST /totp/enrol and /totp/confirm).
   */
  secondFactorRequired?: boolean;
  /** After an admin's reset: a new password must be chosen first. */
  mustChangePassword?: boolean;
}

/** The witness register's count for a case with a witness (by a keyed hash of the CPR number, never the number). */
export interface WitnessCheck {
  seen: number;
  times: number;
  withinDays: number;
  flagged: boolean;
}

/** One case as the detail screen reads it: the row, the sealed payload opened, the history and the next steps. */
export interface SubmissionDetailAnswer extends SubmissionRowAnswer {
  schemaVersion: number;
  /** Null without a witness (absent from older servers). */
  witness?: WitnessCheck | null;
  allowedTransitions: SubmissionStatus[];
  payload: { type: string; schemaVersion: number; reference: string; createdAt: string; assisted?: boolean; assistedBy?: string; data: unknown };
  history: HistoryEvent[];
}

/** A case after a casework change (assignment, note): what the detail screen shows again. */
export interface CaseStateAnswer {
  id: string;
  status: SubmissionStatus;
  assignee: string | null;
  dueAt: string;
  allowedTransitions: SubmissionStatus[];
  history: HistoryEvent[];
}

/** The audit log's actions; the server refuses a filter on any other. */
export const auditActions = [
  'login',
  'login_failed',
  'logout',
  'read_submission',
  'transition',
  'export_csv',
  'create_user',
  'disable_user',
  'enrol_device',
  'revoke_device',
  'create_enrolment_code',
  'revoke_enrolment_code',
  'print_submission',
  'retention_delete',
  'rotate_server_key',
  'retention_delete_audit',
  'rotate_key_encryption_key',
  'tablet_wiped',
  'tablet_staff_signed_out',
  'handle_help_call',
  'call_next_ticket',
  'assign_submission',
  'add_note',
  'export_audit_csv',
  'enrol_second_factor',
  'use_recovery_code',
  'change_password',
  'reset_password',
  'reactivate_user',
  'change_role',
  'issue_staff_credential',
  'refuse_staff_work',
  'rotate_device_token',
  'revoke_all_devices',
  'refuse_staff_unlock',
] as const;

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

/** What an id in the audit log is: a submission (its reference), a device (its name) or an enrolment code (its label). */
export interface AuditSubject {
  kind: 'submission' | 'device' | 'enrolment_code';
  label: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  subjects: Record<string, AuditSubject>;
  /** Every entry the filter matches (absent from older servers). */
  total?: number;
}

export interface DeviceAnswer {
  id: string;
  name: string;
  kind: DeviceKind;
  createdAt: string;
  revokedAt: string | null;
}

/** The fleet view: a device with its last report and what needs attention, most trouble first. */
export interface DeviceHealth extends DeviceAnswer {
  lastSeenAt: string | null;
  /** Counts and sizes only, as the sync sends them after each run (device-report.ts). */
  report: DeviceReport | null;
  oldestQueuedAt: string | null;
  flags: string[];
  state: string;
}

export interface DeviceFleetAnswer {
  devices: DeviceHealth[];
  thresholds: { notSeenMinutes: number; oldWorkMinutes: number };
}

/** What every staff member may know of a device: enough to filter the inbox by it. */
export interface DeviceName {
  id: string;
  name: string;
  kind: DeviceKind;
  revoked: boolean;
}

export interface EnrolmentCodeAnswer {
  id: string;
  label: string;
  kind: DeviceKind | null;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface EnrolmentCodeRequest {
  expiresInHours: number;
  label: string;
  kind: DeviceKind | null;
  maxUses: number | null;
}

/** A new code, shown once: the server keeps only its hash. */
export interface EnrolmentCodeCreated {
  id: string;
  code: string;
  expiresAt: string;
}

export interface StaffAccountAnswer {
  username: string;
  role: StaffRole;
  createdAt: string;
  disabledAt: string | null;
  disabledBy: string | null;
  /** The identity provider's name for an account made at sign-in (absent from older servers). */
  displayName?: string | null;
  /** Made at sign-in through the organisation's login: no local password to reset. */
  sso?: boolean;
}

/** GET /people: the names to show for accounts made at sign-in, whose usernames are hashes. */
export interface StaffPeopleAnswer {
  people: { username: string; displayName: string }[];
}

/** A staff username: lower-case letters, digits and `._@-`, 2 to 64 characters; the server refuses any other. */
export const staffUsernamePattern = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
/** The shortest password the server accepts for a staff account. */
export const MIN_STAFF_PASSWORD_LENGTH = 12;

/** POST /staff/devices/revoke-all: every device of one kind stops working at once (a lost batch, a breach). */
export const revokeAllDevicesSchema = v.object({ kind: v.picklist(deviceKinds) });
export type RevokeAllDevicesRequest = v.InferOutput<typeof revokeAllDevicesSchema>;
export interface RevokeAllDevicesAnswer {
  kind: DeviceKind;
  /** How many devices were active and are revoked now. */
  revoked: number;
}
