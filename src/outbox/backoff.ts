/**
 * When to try a failed delivery again: exponential backoff with full jitter, capped, never giving
 * up: a submission is retried, never dropped, whatever the network does. Full jitter spreads the
 * retries of many kiosks that lost the network together, so they do not return in step.
 */

export interface BackoffOptions {
  /** Ceiling of the first retry's delay. */
  baseMs?: number;
  /** No delay is ever longer than this, however many attempts failed (unless the server asks for longer). */
  capMs?: number;
  /** The server's Retry-After in milliseconds: the delay is at least this. */
  retryAfterMs?: number;
  /** Uniform in [0, 1); injectable for tests. */
  random?: () => number;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** A Retry-After is honoured up to this; a far-off date is more likely a wrong clock than a wish. */
export const RETRY_AFTER_MAX_MS = 60 * 60_000;

/** Milliseconds to wait after the given number of failed attempts (1 after the first failure). */
export function backoffDelay(failedAttempts: number, options: BackoffOptions = {}): number {
  const { baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS, retryAfterMs = 0, random = Math.random } = options;
  // 2 ** n is Infinity for large n, and Math.min then gives the cap: no overflow, no giving up.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, Math.min(Math.max(0, retryAfterMs), RETRY_AFTER_MAX_MS));
}

/**
 * A Retry-After header in milliseconds from `now`: either delta-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // All three HTTP date formats start with a day name; Date.parse alone would read "-5" as a year.
  const date = /^[A-Za-z]{3,9},? /.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
