import { STAFF_BACKGROUND_HEADER } from '#contract/staff.ts';

/**
 * The one way the back office talks to the server. The session is the HttpOnly cookie the browser
 * sends by itself (same origin); no token ever reaches script. Payloads are shown, never logged:
 * nothing here writes to the console.
 */

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

export const STAFF_BASE = '/api/v1/staff';

/** Listeners told of each answered call: the session's idle end moved on with it (SessionExpiry). */
const activityListeners = new Set<(at: number) => void>();
export function onServerActivity(listener: (at: number) => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

/**
 * Calls `STAFF_BASE + path`; a refusal throws a StaffApiError, a 204 answers undefined. A
 * `background` read (a live view reloading because the server's events said so) is not activity:
 * it does not move the session's idle end, here or on the server.
 */
export async function call<T>(operation: string, path: string, init: RequestInit = {}, { background = false } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body) headers['Content-Type'] = 'application/json';
  if (background) headers[STAFF_BACKGROUND_HEADER] = '1';
  const sentAt = Date.now();
  const response = await fetch(STAFF_BASE + path, { credentials: 'same-origin', cache: 'no-store', headers, ...init });
  if (response.ok && !background) for (const listener of activityListeners) listener(sentAt);
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
    throw new StaffApiError(operation, response.status, body?.error?.code ?? 'unknown');
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** A POST, with a JSON body when there is one. */
export const post = (body?: unknown): RequestInit => ({ method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

/** An id or a username as one path segment. */
export const segment = (value: string) => encodeURIComponent(value);

/** Local midnight as an ISO timestamp, so that "to 23 November" means the end of that day in Denmark. */
export function localMidnight(date: string, addDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + addDays).toISOString();
}
