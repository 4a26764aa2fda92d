/**
 * The back office's calls to the server, as plain async functions. The session is the HttpOnly
 * cookie the browser sends by itself (same origin); no token ever reaches script. Payloads are
 * shown, never logged: nothing here writes to the console.
 */

export type Role = 'admin' | 'caseworker';
export type Status = 'received' | 'in_progress' | 'done' | 'rejected';
export const statuses: readonly Status[] = ['received', 'in_progress', 'done', 'rejected'];

export interface StaffUser {
  username: string;
  role: Role;
  expiresAt: string;
}

export interface SubmissionRow {
  id: string;
  reference: string;
  type: string;
  status: Status;
  createdAt: string;
  receivedAt: string;
  deviceId: string;
  deviceName: string;
}

export interface HistoryEvent {
  at: string;
  from: Status | null;
  to: Status;
  note: string | null;
  actor: string;
}

export interface SubmissionDetail extends SubmissionRow {
  schemaVersion: number;
  allowedTransitions: Status[];
  payload: { type: string; schemaVersion: number; reference: string; createdAt: string; data: unknown };
  history: HistoryEvent[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface Device {
  id: string;
  name: string;
  kind: 'kiosk' | 'tablet';
  createdAt: string;
  revokedAt: string | null;
}

export interface Filter {
  type: string;
  status: string;
  /** Local calendar dates (YYYY-MM-DD) as the date inputs give them. */
  from: string;
  to: string;
  deviceId: string;
}

/** A refusal from the server, with the contract's error code (`not_logged_in`, `invalid_credentials` …). */
export class StaffApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(`${operation}: ${status} ${code}`);
  }
}

const BASE = '/api/v1/staff';

async function call<T>(operation: string, path: string, init: RequestInit = {}): Promise<T> {
  const headers = init.body ? { 'Content-Type': 'application/json' } : undefined;
  const response = await fetch(BASE + path, { credentials: 'same-origin', cache: 'no-store', headers, ...init });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
    throw new StaffApiError(operation, response.status, body?.error?.code ?? 'unknown');
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

const post = (body?: unknown): RequestInit => ({ method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

/** Local midnight as an ISO timestamp, so that "to 23 November" means the end of that day in Denmark. */
function localMidnight(date: string, addDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + addDays).toISOString();
}

/** The query string of a filter, as the list and the CSV export take it. */
export function filterQuery(filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.type.trim()) params.set('type', filter.type.trim());
  if (filter.status) params.set('status', filter.status);
  if (filter.from) params.set('from', localMidnight(filter.from));
  if (filter.to) params.set('to', localMidnight(filter.to, 1));
  if (filter.deviceId) params.set('deviceId', filter.deviceId);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const csvUrl = (filter: Filter) => `${BASE}/submissions.csv${filterQuery(filter)}`;

export const login = (username: string, password: string) => call<StaffUser>('login', '/login', post({ username, password }));
export const logout = () => call<void>('logout', '/logout', post());

/** The current session, or undefined when there is none (the cookie is unreadable to script). */
export async function currentSession(): Promise<StaffUser | undefined> {
  try {
    return await call<StaffUser>('session', '/session');
  } catch (error) {
    if (error instanceof StaffApiError && error.status === 401) return undefined;
    throw error;
  }
}

/** One page of the filtered list, newest first. */
export function listSubmissions(filter: Filter, limit: number, offset: number) {
  const query = filterQuery(filter);
  const page = `limit=${limit}&offset=${offset}`;
  return call<{ submissions: SubmissionRow[]; total: number }>('submissions.list', `/submissions${query ? `${query}&${page}` : `?${page}`}`);
}
export const readSubmission = (id: string) => call<SubmissionDetail>('submissions.read', `/submissions/${encodeURIComponent(id)}`);
export const transition = (id: string, to: Status, note: string | null) =>
  call<SubmissionRow>('submissions.transition', `/submissions/${encodeURIComponent(id)}/transition`, post({ to, note }));
export const auditOf = (target: string) => call<{ entries: AuditEntry[] }>('audit', `/audit?target=${encodeURIComponent(target)}`);
export const recentAudit = () => call<{ entries: AuditEntry[] }>('audit', '/audit?limit=200');

export const listDevices = () => call<{ devices: Device[] }>('devices.list', '/devices');
export const revokeDevice = (id: string) => call<void>('devices.revoke', `/devices/${encodeURIComponent(id)}/revoke`, post());
export const createUser = (username: string, password: string, role: Role) => call<{ username: string; role: Role }>('users.create', '/users', post({ username, password, role }));
export const createEnrolmentCode = (expiresInHours: number) =>
  call<{ code: string; expiresAt: string }>('enrolment-codes.create', '/enrolment-codes', post({ expiresInHours }));
