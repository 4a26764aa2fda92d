import { submissionStatuses, type SubmissionStatus } from '#domain/casework/submission-workflow.ts';

/**
 * Retention keeps open cases: a case that is received or in progress is work in hand, and the
 * period for closed cases (RETENTION_DAYS) never deletes it. Open cases have their own, longer
 * period (OPEN_CASE_MAX_DAYS), so that nothing is kept for ever. Both count from arrival, and a
 * case that is reopened or closed moves to the other period at once.
 */
export type CaseStage = 'open' | 'closed';

const open: readonly SubmissionStatus[] = ['received', 'in_progress'];

export function stageOf(status: SubmissionStatus): CaseStage {
  return open.includes(status) ? 'open' : 'closed';
}

/** The statuses a deletion of `stage` cases may touch. */
export function statusesOf(stage: CaseStage): SubmissionStatus[] {
  return submissionStatuses.filter((s) => stageOf(s) === stage);
}

export interface RetentionPeriods {
  /** Closed (done or rejected) cases: days after arrival. */
  closedDays: number;
  /** Open cases: days after arrival. */
  openCaseDays: number;
}

/** How many days after arrival a case in `status` is deleted. */
export function retentionDaysOf(status: SubmissionStatus, periods: RetentionPeriods): number {
  return stageOf(status) === 'open' ? periods.openCaseDays : periods.closedDays;
}
