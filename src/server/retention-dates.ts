import { retentionDaysOf, type RetentionPeriods } from './retention-rule.ts';
import type { Store, SubmissionSummary } from './store/store.ts';

const DAY_MS = 86_400_000;

/**
 * When retention will delete a case, by the same rule retention.ts deletes by: its arrival plus
 * the period for open or closed cases (retention-rule.ts). Moving a case between open and closed changes its date.
 */
export function deletionDate(summary: Pick<SubmissionSummary, 'status' | 'receivedAt'>, policy: RetentionPeriods): string {
  return new Date(Date.parse(summary.receivedAt) + retentionDaysOf(summary.status, policy) * DAY_MS).toISOString();
}

/**
 * The store as the staff routes see it, every case carrying `deletesAt`: the back office warns
 * before anything is deleted without knowing the retention settings itself.
 */
export function withRetentionDates(store: Store, policy: RetentionPeriods): Store {
  const dated = <T extends SubmissionSummary>(s: T): T => ({ ...s, deletesAt: deletionDate(s, policy) });
  const wrapped: Pick<Store, 'listSubmissions' | 'submission' | 'transitionSubmission'> = {
    async listSubmissions(filter) {
      const page = await store.listSubmissions(filter);
      return { ...page, submissions: page.submissions.map(dated) };
    },
    async submission(id) {
      const record = await store.submission(id);
      return record && dated(record);
    },
    async transitionSubmission(id, to, allowedFrom, event) {
      const outcome = await store.transitionSubmission(id, to, allowedFrom, event);
      return outcome.ok ? { ...outcome, submission: dated(outcome.submission) } : outcome;
    },
  };
  // Every other function is the store's own.
  return { ...store, ...wrapped };
}
