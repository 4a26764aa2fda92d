/**
 * The outbox's storage failure, in a module of its own: the kiosk's start screen reads the device
 * status (device-status.ts) and needs only this, not the other failures in errors.ts, whose bytes
 * would count against its JavaScript budget.
 */

export type StorageErrorKind = 'quota' | 'closed' | 'blocked' | 'unknown';

/** IndexedDB could not do what was asked. The citizen's answers are still in memory: offer a printed copy. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly operation: string,
    override readonly cause: unknown,
    readonly kind: StorageErrorKind = storageErrorKind(cause),
  ) {
    super(`${operation}: ${kind} (${describe(cause)})`, { cause });
  }
}

/** Classifies a DOMException or Dexie error, looking through Dexie's `inner` wrapping. */
export function storageErrorKind(cause: unknown): StorageErrorKind {
  for (const name of errorNames(cause)) {
    if (name === 'QuotaExceededError') return 'quota';
    if (name === 'DatabaseClosedError' || name === 'InvalidStateError') return 'closed';
    // VersionError: a newer app upgraded the database and this one cannot open it until it updates.
    if (name === 'BlockedError' || name === 'VersionError') return 'blocked';
  }
  return 'unknown';
}

function errorNames(cause: unknown): string[] {
  const names: string[] = [];
  let current: unknown = cause;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { name, inner, cause: next } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner ?? next;
  }
  return names;
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}
