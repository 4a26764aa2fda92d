/**
 * The bench's drain page (tests/bench/drain.ts), bundled by Vite from the app's own modules and
 * served by the real server from its origin. It exposes `window.bench`; nothing runs on load.
 *
 * - our side: enrol() and submit() fill the outbox exactly as the kiosk does (validate → seal →
 *   Dexie), and syncOutbox() is the sync engine the kiosk and its service worker run.
 * - the peer: workbox-background-sync's Queue holding one POST /api/v1/submissions per submission,
 *   as a team would queue failed requests, replayed with its own replayRequests() (what its 'sync'
 *   event handler calls). The envelopes are sealed by the same seal() as ours, same type and size.
 */
import { Queue } from 'workbox-background-sync';
import { deviceTestData, DEVICE_TEST_TYPE } from '#forms/device-test.ts';
import { readDevice } from '#outbox/device.ts';
import { enrol } from '#outbox/enrol.ts';
import { outboxDb } from '#outbox/db.ts';
import { importServerKey, seal } from '#outbox/envelope.ts';
import { queuedItem } from '#outbox/state.ts';
import { outboxCounts } from '#outbox/list.ts';
import { newReference } from '#domain/reference.ts';
import { submit } from '#outbox/submit.ts';
import { syncOutbox } from '#outbox/sync.ts';

// Workbox's Queue looks at self.registration (a service worker global) when it is built. In a
// window there is none: an object without `sync` makes it take its own no-Background-Sync path,
// and a no-op onSync stops it from replaying on construction, so the replay below is timed alone.
(self as unknown as { registration: object }).registration ??= {};

/** Runs `task(i)` for i < n with at most `width` in flight: fills fast without one giant Promise.all. */
async function pool(n: number, width: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
}

/** HTTP statuses of every fetch this page makes (counted without reading bodies, so the peer pays nothing). */
const statuses: Record<number, number> = {};
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
  const response = await realFetch(...args);
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  return response;
};

let queue: Queue | undefined;

/** A database of its own with one store and no index, for the raw put: what IndexedDB costs at the least. */
async function rawPutStore(): Promise<{ put(record: object): Promise<void>; remove(): Promise<void> }> {
  const NAME = 'bench-raw-put';
  const opening = indexedDB.open(NAME, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore('outbox', { keyPath: 'id' });
  const db = await new Promise<IDBDatabase>((resolve, reject) => ((opening.onsuccess = () => resolve(opening.result)), (opening.onerror = () => reject(opening.error))));
  return {
    put: (record) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction('outbox', 'readwrite');
        tx.objectStore('outbox').put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      }),
    async remove() {
      db.close();
      await new Promise((resolve) => (indexedDB.deleteDatabase(NAME).onsuccess = resolve));
    },
  };
}

/** Submits run before the timed ones in breakdown(). */
const WARM_UP = 100;

const bench = {
  async enrol(code: string): Promise<void> {
    await enrol({ serverUrl: '', code, name: 'Bench drain', kind: 'kiosk' }, { persist: async () => true });
  },

  /** Queues n submissions through the real submit(); answers the milliseconds it took. */
  async fill(n: number, width = 8): Promise<number> {
    const started = performance.now();
    await pool(n, width, () => submit({ type: DEVICE_TEST_TYPE, data: deviceTestData() }));
    return performance.now() - started;
  },

  /** The sync engine until nothing is due; answers its milliseconds and counts. */
  async drain() {
    for (const key of Object.keys(statuses)) delete statuses[Number(key)];
    const started = performance.now();
    const result = await syncOutbox();
    const ms = performance.now() - started;
    return { ms, result, statuses: { ...statuses }, counts: await outboxCounts() };
  },

  /**
   * Where one submit()'s time goes, one at a time as on a kiosk: submit() whole, each followed by
   * the limit it is compared with, a raw IndexedDB put of a copy of the record it stored (new id,
   * a database of its own, own readwrite transaction, to its `complete`); then submit()'s steps
   * separately (read the device record, import the server key, seal = import + AES + wrap, Dexie
   * add). Interleaved, so that both see the same moments of the page and the disk (a collection,
   * a compaction of the browser's store); measured one after the other, the two p95s were minutes
   * apart and their ratio moved from 2.25 to 3.75 × between runs. Answers per step the samples in
   * ms. Leaves 2n items in the outbox: call after drain().
   */
  async breakdown(n: number): Promise<Record<string, number[]>> {
    const steps: Record<string, number[]> = { submit: [], rawPut: [], readDevice: [], importKey: [], seal: [], add: [] };
    const time = async <T,>(step: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const value = await work();
      steps[step]!.push(performance.now() - started);
      return value;
    };
    // Not timed: the first submits of a page run code V8 has not optimized yet (a kiosk does that
    // once a day), and they alone made the p95 of 1,000.
    let last: { id: string } | undefined;
    for (let i = 0; i < WARM_UP; i++) last = await submit({ type: DEVICE_TEST_TYPE, data: deviceTestData() });
    const template = await outboxDb().outbox.get(last!.id);
    const raw = await rawPutStore();
    // What submit() leaves for after the receipt (the next envelope's key agreement, the 'queued'
    // event) finishes in the pause, as it does while a citizen reads the receipt: neither the next
    // submit nor the raw put pays for it.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2));
    for (let i = 0; i < n; i++) {
      await time('submit', () => submit({ type: DEVICE_TEST_TYPE, data: deviceTestData() }));
      await settle();
      await time('rawPut', () => raw.put({ ...template, id: crypto.randomUUID() }));
      await settle();
    }
    await raw.remove();
    for (let i = 0; i < n; i++) {
      const device = (await time('readDevice', () => readDevice()))!;
      await time('importKey', () => importServerKey(device.serverKey));
      const payload = { type: DEVICE_TEST_TYPE, schemaVersion: 1, reference: newReference(), createdAt: new Date().toISOString(), data: deviceTestData() };
      const envelope = await time('seal', () => seal(payload, { id: crypto.randomUUID() }, device.serverKey));
      await time('add', () => outboxDb().outbox.add(queuedItem(envelope, Date.now())));
    }
    return steps;
  },

  /** Seals n envelopes as submit() does and pushes one request per envelope onto a Workbox Queue. */
  async workboxFill(n: number, width = 8): Promise<number> {
    const device = await readDevice();
    if (!device) throw new Error('bench: not enrolled');
    queue ??= new Queue('bench-drain', { onSync: async () => undefined, maxRetentionTime: 24 * 60 });
    const q = queue;
    const started = performance.now();
    await pool(n, width, async () => {
      const data = deviceTestData();
      const payload = { type: DEVICE_TEST_TYPE, schemaVersion: 1, reference: newReference(), createdAt: new Date().toISOString(), data };
      const envelope = await seal(payload, { id: crypto.randomUUID() }, device.serverKey);
      const request = new Request('/api/v1/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
        body: JSON.stringify({ submissions: [envelope] }),
      });
      await q.pushRequest({ request });
    });
    return performance.now() - started;
  },

  /** Workbox's replay of its whole queue, one request at a time. */
  async workboxReplay() {
    if (!queue) throw new Error('bench: nothing queued for Workbox');
    for (const key of Object.keys(statuses)) delete statuses[Number(key)];
    const started = performance.now();
    await queue.replayRequests();
    const ms = performance.now() - started;
    return { ms, statuses: { ...statuses }, left: (await queue.getAll()).length };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
