import * as v from 'valibot';
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
