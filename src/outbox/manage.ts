import type { Envelope } from '#contract/v1.ts';
import { withStorage } from './db.ts';
import { DiscardReasonRequiredError, OutboxItemNotFoundError } from './errors.ts';
import { emitOutbox } from './events.ts';
import type { OutboxSummary } from './records.ts';
import { queuedItem, transition, type OutboxEvent } from './state.ts';

/**
 * What staff may do to single outbox items from the tablet's outbox view, and how a staff tablet
 * hands over sealed drafts. Every change goes through the state machine (state.ts), so a stored
 * item cannot be retried and a queued one cannot be discarded.
 */

export interface ManageOptions {
  /** Epoch milliseconds; for tests. */
  now?: number;
}

/**
 * Sends an item again as soon as possible: a rejected item goes back to the queue with its
 * attempts reset (the server may accept it now, e.g. after an update); a queued item waiting out
 * its backoff becomes due now. Throws InvalidTransitionError for any other state.
 */
export async function retryItem(id: string, options: ManageOptions = {}): Promise<OutboxSummary> {
  const summary = await apply('outbox.retry', id, { type: 'requeue' }, options.now ?? Date.now());
  emitOutbox('queued', { id });
  return summary;
}

/**
 * Removes a rejected item's ciphertext, keeping its metadata with who discarded it, when and why
 * (status 'discarded'), so that nothing leaves the outbox silently. Only rejected items; the
 * reason and the staff member's name are required (DiscardReasonRequiredError).
 */
export async function discardRejected(id: string, note: { reason: string; by: string }, options: ManageOptions = {}): Promise<OutboxSummary> {
  if (!note.reason?.trim()) throw new DiscardReasonRequiredError(id, 'reason');
  if (!note.by?.trim()) throw new DiscardReasonRequiredError(id, 'by');
  return apply('outbox.discard', id, { type: 'discard', reason: note.reason.trim(), by: note.by.trim() }, options.now ?? Date.now());
}

/**
 * Queues envelopes sealed elsewhere (a staff tablet's rescued drafts), due at once, in one
 * transaction: when this resolves, all of them are committed. An envelope whose id is already in
 * the outbox is left as it is, so a rescue interrupted after this step can run again safely.
 * Returns how many were newly queued.
 */
export async function enqueueSealed(envelopes: Envelope | readonly Envelope[], now: number = Date.now()): Promise<number> {
  const list = Array.isArray(envelopes) ? (envelopes as readonly Envelope[]) : [envelopes as Envelope];
  if (list.length === 0) return 0;
  const added = await withStorage('outbox.enqueue-sealed', (db) =>
    db.transaction('rw', db.outbox, async () => {
      const existing = await db.outbox.bulkGet(list.map((e) => e.id));
      const fresh = list.filter((_, i) => existing[i] === undefined);
      await db.outbox.bulkAdd(fresh.map((envelope) => queuedItem(envelope, now)));
      return fresh;
    }),
  );
  for (const envelope of added) emitOutbox('queued', { id: envelope.id });
  return added.length;
}

async function apply(operation: string, id: string, event: OutboxEvent, now: number): Promise<OutboxSummary> {
  const item = await withStorage(operation, (db) =>
    db.transaction('rw', db.outbox, async () => {
      const current = await db.outbox.get(id);
      if (!current) throw new OutboxItemNotFoundError(operation, id);
      const next = transition(current, event, { now });
      await db.outbox.put(next);
      return next;
    }),
  );
  const { envelope: _sealed, ...summary } = item;
  return summary;
}
