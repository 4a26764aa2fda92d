import * as v from 'valibot';
import { deviceKinds, staffRoles, submissionStatuses } from './staff-base.ts';
import { historyEventSchema, witnessCheckSchema } from './staff-cases.ts';

/**
 * The staff API's requests and answers, shared by the server (which validates with them) and the
 * back office (which takes its types from them), and the source of the OpenAPI document served at
 * /api/openapi.json. Extend, never break: a municipality's integration may read these answers.
 * The schemas are split by subject (staff-accounts.ts, staff-fleet.ts, staff-cases.ts, and the
 * counter's and bookings' own files); this file is the inbox's, and names the rest once.
 */

export { deviceKinds, staffRoles, submissionStatuses, staffUsernamePattern, MIN_STAFF_PASSWORD_LENGTH, MAX_STAFF_PASSWORD_LENGTH, UUID_PATTERN, STAFF_BACKGROUND_HEADER } from './staff-base.ts';
export * from './staff-accounts.ts';
export * from './staff-fleet.ts';
export * from './staff-cases.ts';

export const errorSchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
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
  sort: 'receivedAt (default, descending), createdAt, type, status, reference, dueAt (open cases first, overdue at the top, then closed ones); a leading - sorts descending.',
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

export const submissionDetailSchema = v.object({
  ...submissionRowSchema.entries,
  schemaVersion: v.number(),
  /** Null without a witness (absent from older servers). */
  witness: v.optional(v.nullable(witnessCheckSchema)),
  allowedTransitions: v.array(v.picklist(submissionStatuses)),
  /** The sealed payload, opened: the answers are in `data`, as the request type's form defines them. */
  payload: v.object({
    type: v.string(),
    schemaVersion: v.number(),
    reference: v.string(),
    createdAt: v.string(),
    assisted: v.optional(v.boolean()),
    assistedBy: v.optional(v.string()),
    data: v.unknown(),
  }),
  history: v.array(historyEventSchema),
});

/** POST /submissions/:id/transition: the case as it now is, with its next steps and history. */
export const transitionAnswerSchema = v.object({
  ...submissionRowSchema.entries,
  schemaVersion: v.number(),
  allowedTransitions: v.array(v.picklist(submissionStatuses)),
  history: v.array(historyEventSchema),
});

export type SubmissionRowAnswer = v.InferOutput<typeof submissionRowSchema>;
export type SubmissionListAnswer = v.InferOutput<typeof submissionListSchema>;
export type SubmissionStatus = (typeof submissionStatuses)[number];
export type DeviceKind = (typeof deviceKinds)[number];
export type StaffRole = (typeof staffRoles)[number];
export type SubmissionDetailAnswer = v.InferOutput<typeof submissionDetailSchema>;

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
  'renew_staff_credential',
  'refuse_staff_credential_renewal',
] as const;
