import type { SubmissionStatus } from './store/store.ts';

/**
 * How staff move a submission along: received → in_progress → done | rejected, and a received
 * submission may be rejected straight away (spam, a test, a duplicate made by hand). Done and
 * rejected are final: a caseworker who erred records a new note on a new case, not a rewrite.
 */
const next: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  received: ['in_progress', 'rejected'],
  in_progress: ['done', 'rejected'],
  done: [],
  rejected: [],
};

/** The statuses from which `to` may be reached. */
export function allowedFrom(to: SubmissionStatus): SubmissionStatus[] {
  return (Object.keys(next) as SubmissionStatus[]).filter((from) => next[from].includes(to));
}

export function allowedNext(from: SubmissionStatus): readonly SubmissionStatus[] {
  return next[from];
}
