import type { Envelope, FieldError } from '#contract/v1.ts';
import { backoffDelay } from './backoff.ts';
import type { OutboxError, OutboxItem } from './records.ts';

/**
 * The outbox state machine, pure:
 *
 *   queued → sending → stored     acknowledged (stored or duplicate): the ciphertext is purged
 *            sending → queued     retry later, with backoff; never dropped
 *            sending → rejected   the server refused it (invalid or conflict): kept for staff
 *            sending → queued     recovery after a crash mid-send (the server's idempotency makes resending safe)
 *   rejected → queued              staff retry it (requeue): attempts reset, due now
 *   queued   → queued              staff retry it (requeue): due now
 *   rejected → discarded           staff discard it with a reason: the ciphertext is purged, a tombstone stays
 *
 * Any other move is a bug and throws: an item must never silently leave `rejected` or `stored`.
 */

export type OutboxEvent =
  | { type: 'send' }
  | { type: 'acknowledge'; status: 'stored' | 'duplicate' }
  | { type: 'retry'; error: OutboxError; retryAfterMs?: number }
  | { type: 'reject'; status: 'invalid' | 'conflict'; errors?: FieldError[] }
  | { type: 'recover' }
  | { type: 'requeue' }
  | { type: 'discard'; reason: string; by: string };

export interface TransitionContext {
  /** Epoch milliseconds. */
  now: number;
  /** For the backoff's jitter; Math.random when absent. */
  random?: () => number;
}

export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(readonly itemId: string, readonly from: OutboxItem['status'], readonly event: OutboxEvent['type']) {
    super(`outbox.transition: ${itemId} cannot take '${event}' from '${from}'`);
  }
}

/** A freshly sealed submission, due at once. */
export function queuedItem(envelope: Envelope, now: number): OutboxItem {
  const { id, reference, type, schemaVersion, createdAt } = envelope;
  return { id, reference, type, schemaVersion, createdAt, status: 'queued', attempts: 0, nextAttemptAt: now, updatedAt: now, envelope };
}

export function transition(item: OutboxItem, event: OutboxEvent, context: TransitionContext): OutboxItem {
  const { now } = context;
  if (item.status === 'queued' && event.type === 'send') {
    return { ...item, status: 'sending', updatedAt: now };
  }
  if (event.type === 'requeue' && item.status === 'queued') {
    return { ...item, nextAttemptAt: Math.min(item.nextAttemptAt, now), updatedAt: now };
  }
  if (event.type === 'requeue' && item.status === 'rejected' && item.envelope) {
    // The server's reason stays in lastError, so staff still see why it was refused last time.
    const { rejectedAs: _as, errors: _errors, ...rest } = item;
    return { ...rest, status: 'queued', attempts: 0, nextAttemptAt: now, updatedAt: now };
  }
  if (event.type === 'discard' && item.status === 'rejected') {
    const reason = event.reason.trim();
    if (!reason || !event.by.trim()) throw new InvalidTransitionError(item.id, item.status, event.type);
    const { envelope: _purged, ...metadata } = item;
    return { ...metadata, status: 'discarded', discarded: { reason, by: event.by, at: new Date(now).toISOString() }, updatedAt: now };
  }
  if (item.status !== 'sending') throw new InvalidTransitionError(item.id, item.status, event.type);
  switch (event.type) {
    case 'acknowledge': {
      const { envelope: _purged, lastError: _cleared, ...metadata } = item;
      return { ...metadata, status: 'stored', updatedAt: now };
    }
    case 'retry': {
      const attempts = item.attempts + 1;
      const delay = backoffDelay(attempts, { retryAfterMs: event.retryAfterMs, random: context.random });
      return { ...item, status: 'queued', attempts, nextAttemptAt: now + delay, lastError: event.error, updatedAt: now };
    }
    case 'reject':
      return {
        ...item,
        status: 'rejected',
        rejectedAs: event.status,
        errors: event.errors ?? [],
        lastError: { code: event.status, message: `the server refused it as ${event.status}` },
        updatedAt: now,
      };
    case 'recover':
      return { ...item, status: 'queued', nextAttemptAt: Math.min(item.nextAttemptAt, now), updatedAt: now };
    case 'send':
    case 'requeue':
    case 'discard':
      throw new InvalidTransitionError(item.id, item.status, event.type);
  }
}
