import Dexie, { type Table } from 'dexie';
import { StorageError } from './errors.ts';
import { DB_NAME, type DeviceRecord, type OutboxItem } from './records.ts';

/**
 * The device's IndexedDB database. It holds the outbox (sealed submissions and their plain
 * metadata) and the device's enrolment; never anything readable of a citizen's answers.
 * Only code that needs it loads it: Dexie must stay
 * out of the kiosk start screen's bundle (see device-status.ts).
 */

/** How long to wait for the database to open before telling the citizen it cannot store. */
const OPEN_TIMEOUT_MS = 10_000;

/** Set while an open waits for another connection (an older tab) to let go; tells 'blocked' from a slow disk. */
let blockedSince: number | undefined;

export class OutboxDatabase extends Dexie {
  declare outbox: Table<OutboxItem, string>;
  declare device: Table<DeviceRecord, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      // [status+nextAttemptAt] lets sync read "queued and due" in one index range, oldest due first.
      outbox: 'id, status, nextAttemptAt, createdAt, [status+nextAttemptAt]',
      // One row under an out-of-line key (records.ts DEVICE_KEY).
      device: '',
    });
    this.on('blocked', () => {
      blockedSince ??= Date.now();
    });
    this.on('ready', () => {
      blockedSince = undefined;
    });
  }
}

let instance: OutboxDatabase | undefined;

/** The shared connection. Dexie reopens it on next use after a versionchange or an unexpected close. */
export function outboxDb(): OutboxDatabase {
  instance ??= new OutboxDatabase();
  return instance;
}

/**
 * Runs `work` against the open database and turns IndexedDB failures into a StorageError named by
 * `operation`. A connection that was closed under us (storage pressure, another tab deleting or
 * upgrading, the browser shutting it) is reopened and the work tried once more: an IndexedDB
 * transaction that failed on a closed connection did not commit, so trying again cannot double it.
 */
export async function withStorage<T>(operation: string, work: (db: OutboxDatabase) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(await opened(operation));
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      const failure = asStorageError(operation, error);
      if (failure.kind !== 'closed' || attempt === 2) throw failure;
      reopenOnNextUse();
    }
  }
}

/** Lets the next use open afresh, also after a failed open (which Dexie otherwise remembers). */
function reopenOnNextUse(): void {
  outboxDb().close({ disableAutoOpen: false });
}

async function opened(operation: string): Promise<OutboxDatabase> {
  const db = outboxDb();
  if (db.isOpen()) return db;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const kind = blockedSince === undefined ? 'unknown' : 'blocked';
      reject(new StorageError(operation, new Error(`database did not open in ${OPEN_TIMEOUT_MS} ms`), kind));
    }, OPEN_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.open(), timeout]);
    return db;
  } catch (error) {
    reopenOnNextUse();
    throw asStorageError(operation, error);
  } finally {
    clearTimeout(timer);
  }
}

function isStorageFailure(error: unknown): boolean {
  return (
    error instanceof StorageError ||
    error instanceof Dexie.DexieError ||
    (typeof DOMException !== 'undefined' && error instanceof DOMException)
  );
}

function asStorageError(operation: string, error: unknown): StorageError {
  return error instanceof StorageError ? error : new StorageError(operation, error);
}
