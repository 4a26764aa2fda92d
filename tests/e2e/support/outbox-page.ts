import { expect, type Page } from '@playwright/test';
import { BACKOFF_CAP_MS } from '#outbox/backoff.ts';
import { SYNC_LOCK_NAME } from '#outbox/lock.ts';

/**
 * The set-up screen's "Send a test request" and raw reads of the device's IndexedDB, for the
 * outbox browser tests. Reads use the raw indexedDB API, not the app's Dexie code, so a bug in
 * the app cannot hide what is really stored.
 */

/** The outbox database and store the app uses (src/outbox/records.ts). */
const DB_NAME = 'borgerservice';
const OUTBOX_STORE = 'outbox';

export interface RawOutboxItem {
  id: string;
  reference: string;
  status: 'queued' | 'sending' | 'stored' | 'rejected';
  attempts: number;
  nextAttemptAt: number;
  hasEnvelope: boolean;
}

/**
 * Presses "Send a test request" `count` times, each after the previous one has shown its
 * reference, and returns the references the receipts showed. Runs in the page, so that hundreds of
 * presses cost one round trip; each press is still a real click on the real button.
 */
export async function sendTestRequests(page: Page, count = 1): Promise<string[]> {
  await expect(page.locator('#setup-test-send')).toBeEnabled();
  return page.evaluate(async (n) => {
    const button = document.querySelector<HTMLButtonElement>('#setup-test-send')!;
    const shown = () => document.querySelector('#setup-test-reference')?.textContent?.trim() ?? '';
    const failed = () => document.querySelector('#setup-test-heading')?.parentElement?.querySelector('[role="alert"]')?.textContent?.trim();
    const references: string[] = [];
    for (let i = 0; i < n; i++) {
      const before = shown();
      button.click();
      const started = performance.now();
      // The button is disabled while the submit runs; done when it is enabled with a new reference.
      while (button.disabled || shown() === before) {
        const error = failed();
        if (error) throw new Error(`test request ${i + 1} failed: ${error}`);
        if (performance.now() - started > 10_000) throw new Error(`test request ${i + 1} showed no reference in 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      references.push(shown());
    }
    return references;
  }, count);
}

/** Every outbox record of this context, metadata only; straight from IndexedDB. */
export function readOutbox(page: Page): Promise<RawOutboxItem[]> {
  return page.evaluate(
    ({ dbName, storeName }) =>
      new Promise<RawOutboxItem[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as (RawOutboxItem & { envelope?: unknown })[]).map(({ id, reference, status, attempts, nextAttemptAt, envelope }) => ({
                id,
                reference,
                status,
                attempts,
                nextAttemptAt,
                hasEnvelope: envelope !== undefined,
              })),
            );
          };
        };
      }),
    { dbName: DB_NAME, storeName: OUTBOX_STORE },
  );
}

/** How many outbox items are in each state. */
export async function outboxStatusCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = { queued: 0, sending: 0, stored: 0, rejected: 0 };
  for (const item of await readOutbox(page)) counts[item.status] = (counts[item.status] ?? 0) + 1;
  return counts;
}

/**
 * Everything in every IndexedDB database of this origin, every store, every record, as JSON text
 * per database and store: what someone with the device in hand could read.
 */
export function dumpIndexedDb(page: Page): Promise<{ database: string; store: string; records: string[] }[]> {
  return page.evaluate(async () => {
    const out: { database: string; store: string; records: string[] }[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store, 'readonly').objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        out.push({ database: info.name!, store, records: records.map((r) => JSON.stringify(r)) });
      }
      db.close();
    }
    return out;
  });
}

/** localStorage, sessionStorage and the URLs in Cache Storage of this origin, as one text. */
export function webStorageText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
    }
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cached });
  });
}

/**
 * Takes the outbox's Web Lock (src/outbox/lock.ts) in the page, as a busy uploader in another tab
 * would: every sync of this context skips, so submissions pile up queued, due, with no failed try
 * (going offline instead would give each a backoff). Resolves to the function that lets go.
 */
export async function holdSyncLock(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(
    (name) =>
      new Promise<void>((held) => {
        void navigator.locks.request(name, () => {
          held();
          return new Promise<void>((release) => ((window as unknown as { releaseSyncLock: () => void }).releaseSyncLock = release));
        });
      }),
    SYNC_LOCK_NAME,
  );
  return () => page.evaluate(() => (window as unknown as { releaseSyncLock: () => void }).releaseSyncLock());
}

/** Outbox items still queued or sending, with when they are due by the page's own clock. */
export async function waitingItems(page: Page): Promise<{ status: string; attempts: number; dueInMs: number; error?: string }[]> {
  const { now, items } = await page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(dbName);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<{ status: string; attempts: number; nextAttemptAt: number; lastError?: { code: string } }[]>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return { now: Date.now(), items: all };
  }, DB_NAME);
  return items
    .filter((i) => i.status === 'queued' || i.status === 'sending')
    .map((i) => ({ status: i.status, attempts: i.attempts, dueInMs: i.nextAttemptAt - now, error: i.lastError?.code }));
}

/**
 * Waits until this context's outbox has nothing queued or sending. Failed tries leave a backoff of
 * up to BACKOFF_CAP_MS (5 minutes) that a test should not sit through: the context's clock (which
 * the caller installed with `context.clock.install()` before the app loaded) is moved on to the
 * next due time, and the page's own timer then sends. A failure shows what is still waiting.
 */
export async function waitUntilDrained(page: Page, label: string, timeout = 60_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const left = await waitingItems(page);
        const dueIn = Math.max(0, ...left.filter((i) => i.status === 'queued').map((i) => i.dueInMs));
        if (left.length > 0 && dueIn > 0) await page.clock.fastForward(Math.min(dueIn, BACKOFF_CAP_MS) + 1_000);
        return left;
      },
      { message: `${label}: the outbox still has items waiting`, timeout, intervals: [1_000] },
    )
    .toEqual([]);
}
