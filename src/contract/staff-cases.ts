import * as v from 'valibot';
import { submissionStatuses } from './staff-base.ts';

/**
 * Casework on one case and the audit log: the bodies the server validates with these schemas, and
 * the answers the back office reads (its types are inferred from them).
 */

const status = v.picklist(submissionStatuses);

/** As long as a transition's note: a caseworker's note, not a document. */
export const MAX_NOTE_LENGTH = 2000;

/** POST /submissions/:id/assign: a username, or null to release the case. */
export const assignBodySchema = v.object({ assignee: v.nullable(v.pipe(v.string(), v.maxLength(64))) });
/** POST /submissions/:id/notes. */
export const noteBodySchema = v.object({ note: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)) });

export const historyEventSchema = v.object({
  at: v.string(),
  from: v.nullable(status),
  to: status,
  note: v.nullable(v.string()),
  actor: v.string(),
});
export type HistoryEvent = v.InferOutput<typeof historyEventSchema>;

/** The witness register's count for a case with a witness (by a keyed hash of the CPR number, never the number). */
export const witnessCheckSchema = v.object({ seen: v.number(), times: v.number(), withinDays: v.number(), flagged: v.boolean() });
export type WitnessCheck = v.InferOutput<typeof witnessCheckSchema>;

/** A case after a casework change (assignment, note): what the detail screen shows again. */
export const caseStateSchema = v.object({
  id: v.string(),
  status,
  assignee: v.nullable(v.string()),
  dueAt: v.string(),
  allowedTransitions: v.array(status),
  history: v.array(historyEventSchema),
});
export type CaseStateAnswer = v.InferOutput<typeof caseStateSchema>;

/** GET /submission-types: every stored request type. */
export const submissionTypesSchema = v.object({ types: v.array(v.string()) });

export const auditEntrySchema = v.object({
  id: v.string(),
  at: v.string(),
  actor: v.string(),
  action: v.string(),
  target: v.nullable(v.string()),
  detail: v.record(v.string(), v.unknown()),
});
export type AuditEntry = v.InferOutput<typeof auditEntrySchema>;

/** What an id in the audit log is: a submission (its reference), a device (its name) or an enrolment code (its label). */
export const auditSubjectSchema = v.object({ kind: v.picklist(['submission', 'device', 'enrolment_code']), label: v.string() });
export type AuditSubject = v.InferOutput<typeof auditSubjectSchema>;

export const auditPageSchema = v.object({
  entries: v.array(auditEntrySchema),
  subjects: v.record(v.string(), auditSubjectSchema),
  /** Every entry the filter matches (absent from older servers). */
  total: v.optional(v.number()),
});
export type AuditPage = v.InferOutput<typeof auditPageSchema>;

/** GET /audit and /audit.csv: the filter's query parameters. */
export const auditQuery = {
  target: 'A submission id or reference, a device id, an enrolment code id, or a username the entry is about.',
  actor: 'Who did it: a username or device:<id>.',
  action: 'One audit action; empty for any.',
  from: 'From (YYYY-MM-DD, or an ISO timestamp), inclusive.',
  to: 'To (YYYY-MM-DD inclusive, or an ISO timestamp exclusive).',
  limit: 'Entries in the page, 1 to 5,000.',
  offset: 'Entries to skip.',
} as const;
