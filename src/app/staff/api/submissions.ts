import type { SubmissionDetailAnswer, SubmissionListAnswer, SubmissionRowAnswer, SubmissionStatus } from '#contract/staff.ts';
import { interpretSearch } from '../search-query.ts';
import { call, localMidnight, post, segment, STAFF_BASE } from './http.ts';

/** The inbox and one case: the filtered list, its CSV export, reading, moving and printing a case. */

export interface Filter {
  type: string;
  status: string;
  /** Local calendar dates (YYYY-MM-DD) as the date inputs give them. */
  from: string;
  to: string;
  /** '' for any device, `kiosk` or `tablet` for every device of that kind, else one device's id. */
  device: string;
  /** '' for every case, `me` for my cases, `none` for cases nobody has. */
  assignee: string;
  /** The one search field: a reference, a CPR number or a name (search-query.ts). */
  search?: string;
  /** A sort key, `-` first for descending; the server's default is newest received first. */
  sort?: string;
}

/** The query string of a filter, as the list and the CSV export take it. */
export function filterQuery(filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.type.trim()) params.set('type', filter.type.trim());
  if (filter.status) params.set('status', filter.status);
  if (filter.from) params.set('from', localMidnight(filter.from));
  if (filter.to) params.set('to', localMidnight(filter.to, 1));
  if (filter.device === 'kiosk' || filter.device === 'tablet') params.set('deviceKind', filter.device);
  else if (filter.device) params.set('deviceId', filter.device);
  const search = interpretSearch(filter.search ?? '');
  if (search) params.set(search.kind, search.value);
  if (filter.sort) params.set('sort', filter.sort);
  if (filter.assignee) params.set('assignee', filter.assignee);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const csvUrl = (filter: Filter) => `${STAFF_BASE}/submissions.csv${filterQuery(filter)}`;

/** One page of the filtered list, newest first. */
export function listSubmissions(filter: Filter, limit: number, offset: number) {
  const query = filterQuery(filter);
  const page = `limit=${limit}&offset=${offset}`;
  return call<SubmissionListAnswer>('submissions.list', `/submissions${query ? `${query}&${page}` : `?${page}`}`);
}
export const listSubmissionTypes = () => call<{ types: string[] }>('submissions.types', '/submission-types');
export const readSubmission = (id: string) => call<SubmissionDetailAnswer>('submissions.read', `/submissions/${segment(id)}`);
export const transition = (id: string, to: SubmissionStatus, note: string | null) =>
  call<SubmissionRowAnswer>('submissions.transition', `/submissions/${segment(id)}/transition`, post({ to, note }));
/** Tells the server before printing, so that the paper copy is in the audit log. */
export const recordPrint = (id: string) => call<void>('submissions.print', `/submissions/${segment(id)}/print`, post());
