import type { CaseStateAnswer } from '#contract/staff.ts';
import { call, post, segment } from './http.ts';

/** Who has a case, and notes in its history; both answer the case as it now is. */

/** Gives the case to a caseworker (a username), or to nobody (null). */
export const assignSubmission = (id: string, assignee: string | null) =>
  call<CaseStateAnswer>('submissions.assign', `/submissions/${segment(id)}/assign`, post({ assignee }));
/** A note in the history, without changing the status. */
export const addNote = (id: string, note: string) => call<CaseStateAnswer>('submissions.note', `/submissions/${segment(id)}/notes`, post({ note }));
