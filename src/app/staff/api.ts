import { interpretSearch } from './search-query.ts';
import { submissionStatuses, type deviceKinds, type SubmissionRowAnswer } from '#contract/staff.ts';
/**
 * The back office's calls to the server, as plain async functions. The session is the HttpOnly
 * cookie the browser sends by itself (same origin); no token ever reaches script. Payloads are
 * shown, never logged: nothing here writes to the console.
 */

export type Role = 'admin' | 'caseworker';
export type Status = (typeof submissionStatuses)[number];
export const statuses: readonly Status[] = submissionStatuses;

export interface StaffUser {
  username: string;
  role: Role;
  expiresAt: string;
  /** True when the account has a TOTP second factor. */
  secondFactor?: boolean;
  /** After an admin's reset: a new password must be chosen first. */
  mustChangePassword?: boolean;
}

/** A row of the inbox, as the staff contract declares it (src/contract/staff.ts). */
export type SubmissionRow = SubmissionRowAnswer;

export type DeviceKind = (typeof deviceKinds)[number];

export interface HistoryEvent {
  at: string;
  from: Status | null;
  to: Status;
  note: string | null;
  actor: string;
}

/** The witness register's count for a case with a witness (by a keyed hash of the CPR number, never the number). */
export interface WitnessCheck {
  seen: number;
  times: number;
  withinDays: number;
  flagged: boolean;
}

export interface SubmissionDetail extends SubmissionRow {
  schemaVersion: number;
  /** Null without a witness (absent from older servers). */
  witness?: WitnessCheck | null;
  allowedTransitions: Status[];
  payload: { type: string; schemaVersion: number; reference: string; createdAt: string; assisted?: boolean; assistedBy?: string; data: unknown };
  history: HistoryEvent[];
}

/** The audit log's actions, as src/server/store/store.ts names them (the server refuses any other filter). */
export const auditActions = [
  'login',
  'login_failed',
  'logout',
  'read_submission',
  'print_submission',
  'export_csv',
  'transition',
  'create_user',
  'disable_user',
  'enrol_device',
  'revoke_device',
  'create_enrolment_code',
  'revoke_enrolment_code',
  'retention_delete',
  'retention_delete_audit',
  'rotate_server_key',
  'rotate_key_encryption_key',
  'tablet_wiped',
  'assign_submission',
  'add_note',
  'export_audit_csv',
  'enrol_second_factor',
  'use_recovery_code',
  'change_password',
  'reset_password',
  'reactivate_user',
  'change_role',
  'issue_staff_credential',
  'refuse_staff_work',
] as const;

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

/** What an id in the audit log is: a submission (its reference), a device (its name) or an enrolment code (its label). */
export interface AuditSubject {
  kind: 'submission' | 'device' | 'enrolment_code';
  label: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  subjects: Record<string, AuditSubject>;
  /** Every entry the filter matches (absent from older servers). */
  total?: number;
}

export interface Device {
  id: string;
  name: string;
  kind: DeviceKind;
  createdAt: string;
  revokedAt: string | null;
}

/** A device's last report (counts and sizes only), as the sync sends it after each run. */
export interface DeviceReport {
  appVersion: string;
  queued: number;
  oldestQueuedAgeSeconds: number | null;
  rejected: number;
  storageUsedBytes: number | null;
  storageQuotaBytes: number | null;
  persisted: boolean | null;
  lastError: string;
}

/** The fleet view: a device with its last report and what needs attention, most trouble first. */
export interface DeviceHealth extends Device {
  lastSeenAt: string | null;
  report: DeviceReport | null;
  oldestQueuedAt: string | null;
  flags: string[];
  state: string;
}

/** What every staff member may know of a device: enough to filter the inbox by it. */
export interface DeviceName {
  id: string;
  name: string;
  kind: DeviceKind;
  revoked: boolean;
}

export interface EnrolmentCode {
  id: string;
  label: string;
  kind: DeviceKind | null;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
  revokedBy: string | null;
}

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

export interface AuditFilter {
  /** A case's reference (any spelling) or an id; '' for all. */
  target?: string;
  actor: string;
  action: string;
  /** Local calendar dates (YYYY-MM-DD). */
  from: string;
  to: string;
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
  if (filter.device === 'kiosk' || filter.device === 'tablet') params.set('deviceKind', filter.device);
  else if (filter.device) params.set('deviceId', filter.device);
  const search = interpretSearch(filter.search ?? '');
  if (search) params.set(search.kind, search.value);
  if (filter.sort) params.set('sort', filter.sort);
  if (filter.assignee) params.set('assignee', filter.assignee);
  const text = params.toString();
  return text ? `?${text}` : '';
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
  return `${BASE}/audit.csv?${params.toString()}`;
}

export const csvUrl = (filter: Filter) => `${BASE}/submissions.csv${filterQuery(filter)}`;

export const login = (username: string, password: string, code?: string) =>
  call<StaffUser>('login', '/login', post({ username, password, ...(code ? { code } : {}) }));
export const changePassword = (currentPassword: string, newPassword: string) =>
  call<void>('password', '/password', post({ currentPassword, newPassword }));
/** Starts a TOTP enrolment: the secret and the `otpauth://` address for the QR code. */
export const startTotp = () => call<{ secret: string; uri: string }>('totp.enrol', '/totp/enrol', post());
/** Confirms it with a first code; the recovery codes, shown once. */
export const confirmTotp = (code: string) => call<{ recoveryCodes: string[] }>('totp.confirm', '/totp/confirm', post({ code }));
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
export const auditOf = (target: string) => call<AuditPage>('audit', `/audit?target=${encodeURIComponent(target)}`);
export const searchAudit = (filter: AuditFilter, offset = 0) => call<AuditPage>('audit', `/audit${auditQuery(filter, offset)}`);
/** Tells the server before printing, so that the paper copy is in the audit log. */
export const recordPrint = (id: string) => call<void>('submissions.print', `/submissions/${encodeURIComponent(id)}/print`, post());
export const listDeviceNames = () => call<{ devices: DeviceName[] }>('devices.names', '/device-names');
export const listSubmissionTypes = () => call<{ types: string[] }>('submissions.types', '/submission-types');

export const listDevices = () => call<{ devices: DeviceHealth[]; thresholds: { notSeenMinutes: number; oldWorkMinutes: number } }>('devices.list', '/devices');
export const revokeDevice = (id: string) => call<void>('devices.revoke', `/devices/${encodeURIComponent(id)}/revoke`, post());
export interface StaffAccount {
  username: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
  disabledBy: string | null;
}
export const listUsers = () => call<{ users: StaffAccount[] }>('users.list', '/users');
export const disableUser = (username: string) => call<void>('users.disable', `/users/${encodeURIComponent(username)}/disable`, post());
export const createUser = (username: string, password: string, role: Role) => call<{ username: string; role: Role }>('users.create', '/users', post({ username, password, role }));
export const createEnrolmentCode = (request: { expiresInHours: number; label: string; kind: DeviceKind | null; maxUses: number | null }) =>
  call<{ id: string; code: string; expiresAt: string }>('enrolment-codes.create', '/enrolment-codes', post(request));
export const listEnrolmentCodes = () => call<{ codes: EnrolmentCode[] }>('enrolment-codes.list', '/enrolment-codes');
export const revokeEnrolmentCode = (id: string) => call<void>('enrolment-codes.revoke', `/enrolment-codes/${encodeURIComponent(id)}/revoke`, post());

/** A case after a casework change: what the detail screen shows again. */
export interface CaseState {
  id: string;
  status: Status;
  assignee: string | null;
  dueAt: string;
  allowedTransitions: Status[];
  history: HistoryEvent[];
}
/** Gives the case to a caseworker (a username), or to nobody (null). */
export const assignSubmission = (id: string, assignee: string | null) =>
  call<CaseState>('submissions.assign', `/submissions/${encodeURIComponent(id)}/assign`, post({ assignee }));
/** A note in the history, without changing the status. */
export const addNote = (id: string, note: string) => call<CaseState>('submissions.note', `/submissions/${encodeURIComponent(id)}/notes`, post({ note }));
