import { MAX_BATCH } from '#contract/v1.ts';
import { classifyReply, itemEvent, networkFailure, type ItemResult, type Reply, type Stop } from './batch-reply.ts';
import { withStorage } from './db.ts';
import { apiUrl } from './device.ts';
import type { DeviceRecord, OutboxError, OutboxItem } from './records.ts';
import { adoptServerKey, sameKeys } from './server-key-update.ts';
import { transition, type OutboxEvent } from './state.ts';
import { noCounts, type SyncOutcome, type SyncResult } from './sync-result.ts';

/**
 * One locked run of the sync engine (sync.ts is its public face): what it claimed from the queue,
 * what it sent, what it counted. Only sync.ts creates it, with the lock held.
 */

export interface RunOptions {
  fetch?: typeof fetch;
  /** Epoch milliseconds. */
  now?: () => number;
  /** For the backoff's jitter. */
  random?: () => number;
  /** Envelopes per request at most; the contract allows MAX_BATCH. */
  batchSize?: number;
  /** A request that has not answered in this long counts as a network failure. */
  requestTimeoutMs?: number;
}

const SUBMISSIONS_PATH = '/api/v1/submissions';
const REQUEST_TIMEOUT_MS = 60_000;

export class SyncRun {
  private readonly counts = noCounts();
  /** Items this run marked 'sending' and has not yet moved on. */
  private readonly claimed = new Map<string, OutboxItem>();
  /** Items this run already handled; not claimed twice, so a retry due at once cannot spin the loop. */
  private readonly handled = new Set<string>();
  private batchSize: number;
  /** The answers being applied to storage (applyBehind), and whether one of them failed. */
  private applying: Promise<void> = Promise.resolve();
  private applyFailed = false;
  private readonly now: () => number;
  private readonly fetch: typeof fetch;

  constructor(
    private readonly device: DeviceRecord,
    private readonly options: RunOptions,
  ) {
    this.batchSize = Math.min(MAX_BATCH, Math.max(1, options.batchSize ?? MAX_BATCH));
    this.now = options.now ?? Date.now;
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  result(outcome: SyncOutcome, refusal?: SyncResult['refusal']): SyncResult {
    return { ...this.counts, outcome, ...(refusal ? { refusal } : {}) };
  }

  /** Holding the lock, no one else is sending: anything still 'sending' was left by a crash. */
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
        if (sending.length > 0) await db.outbox.bulkPut(sending);
        return sending;
      }),
    );
    for (const item of claimed) {
      this.claimed.set(item.id, item);
      this.handled.add(item.id);
    }
    return claimed;
  }

  /**
   * Sends every due batch in turn, oldest due first, and says how the run ended. While one batch
   * is on its way to the server the next is already claimed from the queue, so the device's own
   * storage work overlaps the server's; the wire sees the same requests, one at a time. When the
   * run stops, that claimed but unsent batch goes back to the queue as it was: no attempt counted.
   */
  async deliverAll(): Promise<SyncResult> {
    let next = this.claimDue();
    try {
      for (;;) {
        // An answer that could not be stored ends the run at once, with that error.
        if (this.applyFailed) await this.applying;
        const batch = await next;
        if (batch.length === 0) {
          await this.applying;
          return this.result('done');
        }
        next = this.claimDue();
        const stop = await this.deliver(batch);
        if (stop) {
          // What was answered is applied first, so that only the unanswered items are put back.
          await this.applying;
          await this.unclaim(await next);
          await this.retryClaimed(stop.error, stop.retryAfterMs);
          return this.result(stop.outcome, stop.refusal);
        }
      }
    } finally {
      // After an unexpected failure the claim and the answers in flight must settle before the caller releases what is claimed.
      await next.catch(() => undefined);
      await this.applying.catch(() => undefined);
    }
  }

  /**
   * Applies a batch's answer to storage while the next batch is sent (one after another, in the
   * order of the answers). Until deliverAll awaits it, a failure is only noted: the run stops at
   * its next step with that error.
   */
  private applyBehind(items: OutboxItem[], results: ItemResult[]): void {
    const applied = this.applying.then(() => this.apply(items, results));
    applied.catch(() => {
      this.applyFailed = true;
    });
    this.applying = applied;
  }

  /** Back to 'queued' as they were, without counting an attempt: claimed, never sent. */
  private async unclaim(items: OutboxItem[]): Promise<void> {
    await this.commit(items.map((item) => [item, { type: 'recover' }]));
  }

  /** Sends one batch and applies the answer (behind: deliverAll awaits it); returns why the run must stop, if it must. */
  private async deliver(items: OutboxItem[]): Promise<Stop | undefined> {
    const reply = await this.post(items);
    switch (reply.kind) {
      case 'results':
        this.applyBehind(items, reply.results);
        // A key the device fails to store is asked for again at the next answer; the batch is delivered either way.
        if (reply.serverKey && !sameKeys(reply.serverKey, this.device.serverKey)) await adoptServerKey(reply.serverKey, this.device.token).catch(() => false);
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
      return networkFailure(error);
    }
    return classifyReply(response, this.now());
  }

  /** Applies per-item results in one transaction. */
  private async apply(items: OutboxItem[], results: ItemResult[]): Promise<void> {
    const byId = new Map(results.map((r) => [r.id, r]));
    const events = items.map((item): [OutboxItem, OutboxEvent] => [item, itemEvent(byId.get(item.id))]);
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

  private async commit(moves: [OutboxItem, OutboxEvent][]): Promise<void> {
    if (moves.length === 0) return;
    const context = { now: this.now(), random: this.options.random };
    await withStorage('outbox.update', (db) =>
      db.outbox.bulkPut(moves.map(([item, event]) => transition(item, event, context))),
    );
    for (const [item] of moves) this.claimed.delete(item.id);
  }
}
