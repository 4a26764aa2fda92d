import type { RetentionPolicy } from './retention.ts';
import type { Store, SubmissionStatus, SubmissionSummary } from './store/store.ts';

const DAY_MS = 86_400_000;
const OPEN: readonly SubmissionStatus[] = ['received', 'in_progress'];

/**
 * When retention will delete a case, by the same rule retention.ts deletes by: its arrival plus
 * the period for open or closed cases. Moving a case between open and closed changes its date.
 */
export function deletionDate(summary: Pick<SubmissionSummary, 'status' | 'receivedAt'>, policy: Pick<RetentionPolicy, 'closedDays' | 'openCaseDays'>): string {
  const days = OPEN.includes(summary.status) ? policy.openCaseDays : policy.closedDays;
  return new Date(Date.parse(summary.receivedAt) + days * DAY_MS).toISOString();
}

/**
 * The store as the staff routes see it, every case carrying `deletesAt`: the back office warns
 * before anything is deleted without knowing the retention settings itself.
 */
export function withRetentionDates(store: Store, policy: Pick<RetentionPolicy, 'closedDays' | 'openCaseDays'>): Store {
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
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listSubmissions' || prop === 'submission' || prop === 'transitionSubmission') return wrapped[prop];
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
