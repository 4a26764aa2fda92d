import * as v from 'valibot';
import { MAX_BATCH, type FieldError, type ServerKey } from '#contract/v1.ts';
import { parseRetryAfter } from './backoff.ts';
// Static, not import(): the service worker runs this as a classic script, where Vite's preload
// helper for import() (it reads import.meta) would stop the worker from starting.
import { buildDeviceReport, sendDeviceReport } from './device-report.ts';
import { adoptServerKey, serverKeySchema } from './server-key-update.ts';
import { withStorage } from './db.ts';
import { apiUrl, readDevice } from './device.ts';
import { emitOutbox } from './events.ts';
import { syncLock, type ExclusiveLock } from './lock.ts';
import { DEVICE_KEY, type DeviceRecord, type OutboxError, type OutboxItem } from './records.ts';
import { transition, type OutboxEvent } from './state.ts';

/**
 * The sync engine: uploads what is due, in batches of up to MAX_BATCH, and applies the server's
 * answer per item (DESIGN.md, "Wire contract v1"). Runs under one lock across tabs and the
 * service worker; a caller that finds it taken returns at once with outcome 'skipped'.
 */

export interface SyncOptions {
  fetch?: typeof fetch;
  /** Epoch milliseconds. */
  now?: () => number;
  lock?: ExclusiveLock;
  /** For the backoff's jitter. */
  random?: () => number;
  /** Envelopes per request at most; the contract allows MAX_BATCH. */
  batchSize?: number;
  /** A request that has not answered in this long counts as a network failure. */
  requestTimeoutMs?: number;
  /** After the run, send the device report (device-report.ts); the page's and the worker's syncs do. */
  report?: boolean;
}

export interface SyncCounts {
  /** Envelopes put in request bodies (one envelope resent in a smaller batch counts again). */
  sent: number;
  stored: number;
  duplicate: number;
  rejected: number;
  /** Items put back in the queue for a later try. */
  retried: number;
}

/**
 * How the run ended. 'done': nothing due is left. 'network-error', 'server-unavailable' and
 * 'unauthorized' stopped the run early with the items queued for later. 'skipped': another
 * context holds the lock. 'not-enrolled': there is no server to send to.
 */
export type SyncOutcome = 'done' | 'skipped' | 'not-enrolled' | 'network-error' | 'server-unavailable' | 'unauthorized';

export interface SyncResult extends SyncCounts {
  outcome: SyncOutcome;
}

const SUBMISSIONS_PATH = '/api/v1/submissions';
const REQUEST_TIMEOUT_MS = 60_000;

/** Uploads everything that is due, unless another tab or the service worker is doing so already. */
export async function syncOutbox(options: SyncOptions = {}): Promise<SyncResult> {
  const lock = options.lock ?? syncLock();
  const held = await lock(() => runLocked(options));
  const result = held.ran ? held.value : { ...noCounts(), outcome: 'skipped' as const };
  if (held.ran) await recordRun(result, options.now?.() ?? Date.now());
  if (held.ran && options.report) await reportRun(result.outcome, options);
  emitOutbox('synced', result);
  return result;
}

/** Every run that reached the server's side of the device (even with nothing queued) tells the server how the device is. */
async function reportRun(outcome: SyncOutcome, options: SyncOptions): Promise<void> {
  if (outcome === 'not-enrolled' || outcome === 'unauthorized') return;
  try {
    const device = await readDevice();
    if (device) await sendDeviceReport(device, await buildDeviceReport(outcome, options.now?.() ?? Date.now()), options.fetch);
  } catch (error) {
    console.warn('outbox.sync: no device report', error);
  }
}

async function runLocked(options: SyncOptions): Promise<SyncResult> {
  const device = await readDevice();
  if (!device) return { ...noCounts(), outcome: 'not-enrolled' };
  const run = new Run(device, options);
  // Holding the lock, no one else is sending: anything still 'sending' was left by a crash.
  await run.recoverInterrupted();
  try {
    for (;;) {
      const batch = await run.claimDue();
      if (batch.length === 0) return run.result('done');
      const stop = await run.deliver(batch);
      if (stop) {
        await run.retryClaimed(stop.error, stop.retryAfterMs);
        return run.result(stop.outcome);
      }
    }
  } finally {
    // Only after an unexpected failure (a storage error, a bug) are items still claimed here. If
    // putting them back fails too, the next run's recovery does it; the first error is the one to report.
    await run.releaseClaimed().catch(() => undefined);
  }
}

interface Stop {
  outcome: Exclude<SyncOutcome, 'done' | 'skipped' | 'not-enrolled'>;
  error: OutboxError;
  retryAfterMs?: number;
}

/** What the server's answer to one batch means for it. */
type Reply =
  | { kind: 'results'; results: v.InferOutput<typeof batchResponseSchema>['results']; serverKey?: ServerKey }
  | { kind: 'too-large' }
  | { kind: 'bad-request'; error: OutboxError }
  | { kind: 'stop'; stop: Stop };

const batchResponseSchema = v.object({
  results: v.array(
    v.object({
      id: v.string(),
      // A string, not the four known statuses: an item with a status from a later contract is retried, not the batch.
      status: v.string(),
      errors: v.optional(v.array(v.object({ path: v.string(), code: v.string() }))),
    }),
  ),
  // Additive: the server's current key, sent after a rotation too (server-key-update.ts).
  serverKey: v.optional(serverKeySchema),
});

/** One locked run: what it claimed, what it counted. */
class Run {
  private readonly counts = noCounts();
  /** Items this run marked 'sending' and has not yet moved on. */
  private readonly claimed = new Map<string, OutboxItem>();
  /** Items this run already handled; not claimed twice, so a retry due at once cannot spin the loop. */
  private readonly handled = new Set<string>();
  private batchSize: number;
  private readonly now: () => number;
  private readonly fetch: typeof fetch;

  constructor(
    private readonly device: DeviceRecord,
    private readonly options: SyncOptions,
  ) {
    this.batchSize = Math.min(MAX_BATCH, Math.max(1, options.batchSize ?? MAX_BATCH));
    this.now = options.now ?? Date.now;
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  result(outcome: SyncOutcome): SyncResult {
    return { ...this.counts, outcome };
  }

  async recoverInterrupted(): Promise<void> {
    await withStorage('outbox.recover', (db) =>
      db.transaction('rw', db.outbox, async () => {
        const stuck = await db.outbox.where('status').equals('sending').toArray();
        await db.outbox.bulkPut(stuck.map((item) => transition(item, { type: 'recover' }, { now: this.now() })));
      }),
    );
  }

  /** Marks the next due items 'sending', oldest due first, and returns them. */
  async claimDue(): Promise<OutboxItem[]> {
    const now = this.now();
    const claimed = await withStorage('outbox.claim', (db) =>
      db.transaction('rw', db.outbox, async () => {
        const due = await db.outbox
          .where('[status+nextAttemptAt]')
          .between(['queued', -Infinity], ['queued', now], true, true)
          .filter((item) => item.envelope !== undefined && !this.handled.has(item.id))
          .limit(this.batchSize)
          .toArray();
        const sending = due.map((item) => transition(item, { type: 'send' }, { now }));
        await db.outbox.bulkPut(sending);
        return sending;
      }),
    );
    for (const item of claimed) {
      this.claimed.set(item.id, item);
      this.handled.add(item.id);
    }
    return claimed;
  }

  /** Sends one batch and applies the answer; returns why the run must stop, if it must. */
  async deliver(items: OutboxItem[]): Promise<Stop | undefined> {
    const reply = await this.post(items);
    switch (reply.kind) {
      case 'results':
        await this.apply(items, reply.results);
        // A key the device fails to store is asked for again at the next answer; the batch is delivered either way.
        if (reply.serverKey && reply.serverKey.kid !== this.device.serverKey.kid) await adoptServerKey(reply.serverKey, this.device.token).catch(() => false);
        return undefined;
      case 'too-large':
        // 413: the body is over the limit. Smaller batches for the rest of the run; a single
        // envelope too large stays queued with the reason (submit refuses those, so this is rare).
        if (items.length === 1) return this.retryEach(items, { code: 'too_large', message: 'the server found the envelope too large' });
        this.batchSize = Math.max(1, Math.floor(items.length / 2));
        return this.deliverInParts(items, () => this.batchSize);
      case 'bad-request':
        // 400 for a batch: one bad envelope must not hold back the others, so send them one by one.
        if (items.length === 1) return this.retryEach(items, reply.error);
        return this.deliverInParts(items, () => 1);
      case 'stop':
        return reply.stop;
    }
  }

  /** `size` is asked again for every part: a 413 inside a part shrinks the parts after it too. */
  private async deliverInParts(items: OutboxItem[], size: () => number): Promise<Stop | undefined> {
    for (let i = 0; i < items.length; ) {
      const part = items.slice(i, i + size());
      i += part.length;
      const stop = await this.deliver(part);
      if (stop) return stop;
    }
    return undefined;
  }

  private async post(items: OutboxItem[]): Promise<Reply> {
    const { serverUrl, token } = this.device;
    this.counts.sent += items.length;
    let response: Response;
    try {
      response = await this.fetch(apiUrl(serverUrl, SUBMISSIONS_PATH), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ submissions: items.map((item) => item.envelope) }),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      return { kind: 'stop', stop: { outcome: 'network-error', error: { code: 'network', message: describe(error) } } };
    }
    return classify(response, this.now());
  }

  /** Applies per-item results in one transaction; an item the server did not answer for is retried. */
  private async apply(items: OutboxItem[], results: v.InferOutput<typeof batchResponseSchema>['results']): Promise<void> {
    const byId = new Map(results.map((r) => [r.id, r]));
    const events = items.map((item): [OutboxItem, OutboxEvent] => {
      const result = byId.get(item.id);
      switch (result?.status) {
        case 'stored':
        case 'duplicate':
          return [item, { type: 'acknowledge', status: result.status }];
        case 'invalid':
        case 'conflict':
          return [item, { type: 'reject', status: result.status, errors: result.errors as FieldError[] | undefined }];
        default:
          return [item, { type: 'retry', error: { code: 'no_result', message: `the server answered ${result?.status ?? 'nothing'} for it` } }];
      }
    });
    await this.commit(events);
    for (const [, event] of events) {
      if (event.type === 'acknowledge') this.counts[event.status]++;
      else if (event.type === 'reject') this.counts.rejected++;
      else this.counts.retried++;
    }
  }

  private async retryEach(items: OutboxItem[], error: OutboxError): Promise<undefined> {
    await this.commit(items.map((item) => [item, { type: 'retry', error }]));
    this.counts.retried += items.length;
    return undefined;
  }

  /** Puts everything this run still holds back in the queue, with backoff: the run stopped. */
  async retryClaimed(error: OutboxError, retryAfterMs?: number): Promise<void> {
    const items = [...this.claimed.values()];
    await this.commit(items.map((item) => [item, { type: 'retry', error, retryAfterMs }]));
    this.counts.retried += items.length;
  }

  /** After an unexpected failure: back to 'queued' as they were, without counting an attempt. */
  async releaseClaimed(): Promise<void> {
    if (this.claimed.size === 0) return;
    await this.commit([...this.claimed.values()].map((item) => [item, { type: 'recover' }]));
  }

  private async commit(moves: [OutboxItem, OutboxEvent][]): Promise<void> {
    if (moves.length === 0) return;
    const context = { now: this.now(), random: this.options.random };
    await withStorage('outbox.update', (db) =>
      db.outbox.bulkPut(moves.map(([item, event]) => transition(item, event, context))),
    );
    for (const [item] of moves) this.claimed.delete(item.id);
  }
}

async function classify(response: Response, now: number): Promise<Reply> {
  if (response.ok) {
    const parsed = v.safeParse(batchResponseSchema, await response.json().catch(() => undefined));
    if (parsed.success) return { kind: 'results', results: parsed.output.results, serverKey: parsed.output.serverKey };
    // A 200 that is not the contract's answer: a captive portal or a proxy. Try again later.
    return stop('server-unavailable', 'bad_response', `HTTP ${response.status} without a results list`);
  }
  const error = await errorOf(response);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  switch (response.status) {
    case 401:
      // The device token is unknown (revoked): staff must enrol the device again. Nothing is dropped.
      return stop('unauthorized', 'unauthorized', error.message);
    case 413:
      return { kind: 'too-large' };
    case 400:
      return { kind: 'bad-request', error };
    default:
      // 408, 429 and 5xx by the contract; anything else unexpected (a proxy's 403 or 404) is
      // treated alike, since the outbox never drops an item for a transport problem.
      return stop('server-unavailable', error.code, error.message, retryAfterMs);
  }
}

function stop(outcome: Stop['outcome'], code: string, message: string, retryAfterMs?: number): Reply {
  return { kind: 'stop', stop: { outcome, error: { code, message }, retryAfterMs } };
}

/** The contract's `{ error: { code, message } }`, or the HTTP status when the body is something else. */
async function errorOf(response: Response): Promise<OutboxError> {
  const fallback = { code: `http_${response.status}`, message: `HTTP ${response.status}` };
  const body: unknown = await response.json().catch(() => undefined);
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (typeof error?.code !== 'string') return fallback;
  return { code: error.code, message: typeof error.message === 'string' ? error.message : fallback.message };
}

/**
 * Notes the run on the device record for readSyncStatus(). In one transaction with a fresh read,
 * so that an enrolment that happened meanwhile is never overwritten. A failure here must not turn
 * a delivered batch into an error: the outbox itself is already committed.
 */
async function recordRun(result: SyncResult, now: number): Promise<void> {
  if (result.outcome === 'skipped' || result.outcome === 'not-enrolled') return;
  const at = new Date(now).toISOString();
  const reached = result.stored + result.duplicate + result.rejected > 0;
  await withStorage('outbox.sync-status', (db) =>
    db.transaction('rw', db.device, async () => {
      const device = await db.device.get(DEVICE_KEY);
      if (!device) return;
      const sync = { ...device.sync, lastRunAt: at, lastOutcome: result.outcome as NonNullable<DeviceRecord['sync']>['lastOutcome'] };
      if (result.outcome === 'done' && reached) sync.lastSyncAt = at;
      await db.device.put({ ...device, sync }, DEVICE_KEY);
    }),
  ).catch((error: unknown) => console.warn('outbox.sync: could not note the run', error));
}

function noCounts(): SyncCounts {
  return { sent: 0, stored: 0, duplicate: 0, rejected: 0, retried: 0 };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
