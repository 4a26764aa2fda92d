/** Where a submission is in the back office. */
export const submissionStatuses = ['received', 'in_progress', 'done', 'rejected'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/**
 * How staff move a submission along: received → in_progress → done | rejected, and a received
 * submission may be rejected straight away (spam, a test, a duplicate made by hand). A closed case
 * (done or rejected) can be reopened to in_progress, because a citizen calls back or a caseworker
 * erred; the history keeps every step, so reopening rewrites nothing.
 */
const next: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  received: ['in_progress', 'rejected'],
  in_progress: ['done', 'rejected'],
  done: ['in_progress'],
  rejected: ['in_progress'],
};

/** The statuses from which `to` may be reached. */
export function allowedFrom(to: SubmissionStatus): SubmissionStatus[] {
  return (Object.keys(next) as SubmissionStatus[]).filter((from) => next[from].includes(to));
}

export function allowedNext(from: SubmissionStatus): readonly SubmissionStatus[] {
  return next[from];
}

/** Why a step needs a written note: the citizen may ask why they were refused, and a reopened case must say why. */
export type NoteRequirement = 'rejection_needs_note' | 'reopen_needs_reason';

const closed: readonly SubmissionStatus[] = ['done', 'rejected'];

/** Whether the step from → to needs a note, and which rule says so; undefined when a note is optional. */
export function noteRequirement(from: SubmissionStatus, to: SubmissionStatus): NoteRequirement | undefined {
  if (to === 'rejected') return 'rejection_needs_note';
  if (closed.includes(from) && to === 'in_progress') return 'reopen_needs_reason';
  return undefined;
}

/** A note counts only when it holds more than white space. */
export function hasNote(note: string | null | undefined): note is string {
  return typeof note === 'string' && note.trim() !== '';
}

/**
 * The statuses from which `to` may be reached with this note: with no note, the steps that need
 * one are left out, so the store's compare-and-set refuses them without a separate read.
 */
export function allowedFromWithNote(to: SubmissionStatus, note: string | null | undefined): SubmissionStatus[] {
  return allowedFrom(to).filter((from) => hasNote(note) || noteRequirement(from, to) === undefined);
}
