import type { AuditPage } from '#contract/staff.ts';
import { call, localMidnight, STAFF_BASE } from './http.ts';

/** The audit log: one case's entries, the filtered log and its CSV export. */

export interface AuditFilter {
  /** A case's reference (any spelling) or an id; '' for all. */
  target?: string;
  actor: string;
  action: string;
  /** Local calendar dates (YYYY-MM-DD). */
  from: string;
  to: string;
}

/** The audit log's query: who, what and a range of local calendar days, newest 500 at most. */
export function auditQuery(filter: AuditFilter, offset = 0): string {
  const params = new URLSearchParams();
  if (filter.target?.trim()) params.set('target', filter.target.trim());
  if (filter.actor.trim()) params.set('actor', filter.actor.trim());
  if (filter.action) params.set('action', filter.action);
  if (filter.from) params.set('from', localMidnight(filter.from));
  if (filter.to) params.set('to', localMidnight(filter.to, 1));
  params.set('limit', '500');
  if (offset > 0) params.set('offset', String(offset));
  return `?${params.toString()}`;
}

/** The filtered audit log as CSV for Danish Excel (no limit or offset: the whole filtered log). */
export function auditCsvUrl(filter: AuditFilter): string {
  const params = new URLSearchParams(auditQuery(filter).slice(1));
  params.delete('limit');
  return `${STAFF_BASE}/audit.csv?${params.toString()}`;
}

export const auditOf = (target: string) => call<AuditPage>('audit', `/audit?target=${encodeURIComponent(target)}`);
export const searchAudit = (filter: AuditFilter, offset = 0) => call<AuditPage>('audit', `/audit${auditQuery(filter, offset)}`);
