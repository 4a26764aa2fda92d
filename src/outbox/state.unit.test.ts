import { describe, expect, it } from 'vitest';
import type { Envelope } from '#contract/v1.ts';
import { BACKOFF_BASE_MS } from './backoff.ts';
import type { OutboxItem } from './records.ts';
import { InvalidTransitionError, queuedItem, transition, type OutboxEvent } from './state.ts';

const envelope: Envelope = {
  id: '6f1c1d8e-3f0a-4b7e-9c55-2f8f7c1b9a10',
  reference: 'K7QM-3XRT-9PWA',
  type: 'test-note',
  schemaVersion: 1,
  createdAt: '2025-03-01T12:00:00.000Z',
  kid: 'kid',
  iv: 'AAAAAAAAAAAAAAAA',
  wrappedKey: 'd3JhcHBlZA',
  ciphertext: 'c2VhbGVk',
};
const now = 1_000_000;
const queued = queuedItem(envelope, now);
const sending = transition(queued, { type: 'send' }, { now });
const error = { code: 'network', message: 'offline' };

describe('outbox state machine', () => {
  it('queues a new envelope, due at once, with its plain metadata beside it', () => {
    expect(queued).toMatchObject({ id: envelope.id, reference: envelope.reference, type: 'test-note', status: 'queued', attempts: 0, nextAttemptAt: now });
    expect(queued.envelope).toBe(envelope);
  });

  it('moves queued to sending', () => {
    expect(sending.status).toBe('sending');
    expect(sending.envelope).toBe(envelope);
  });

  it.each(['stored', 'duplicate'] as const)('acknowledges %s: stored, and the ciphertext is purged', (status) => {
    const stored = transition({ ...sending, lastError: error }, { type: 'acknowledge', status }, { now: now + 5 });
    expect(stored.status).toBe('stored');
    expect(stored).not.toHaveProperty('envelope');
    expect(stored).not.toHaveProperty('lastError');
    expect(stored).toMatchObject({ id: envelope.id, reference: envelope.reference, updatedAt: now + 5 });
  });

  it('retries: back to queued, one more attempt, due after the backoff, with the reason', () => {
    const retried = transition(sending, { type: 'retry', error }, { now, random: () => 0.5 });
    expect(retried).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: now + BACKOFF_BASE_MS / 2, lastError: error });
    expect(retried.envelope).toBe(envelope);
    const again = transition(transition(retried, { type: 'send' }, { now }), { type: 'retry', error }, { now, random: () => 0.5 });
    expect(again).toMatchObject({ attempts: 2, nextAttemptAt: now + BACKOFF_BASE_MS });
  });

  it('retries no sooner than Retry-After', () => {
    const retried = transition(sending, { type: 'retry', error, retryAfterMs: 60_000 }, { now, random: () => 0 });
    expect(retried.nextAttemptAt).toBe(now + 60_000);
  });

  it.each(['invalid', 'conflict'] as const)('rejects as %s: kept, ciphertext and the server errors with it', (status) => {
    const errors = [{ path: 'note', code: 'min_length' }];
    const rejected = transition(sending, { type: 'reject', status, errors }, { now });
    expect(rejected).toMatchObject({ status: 'rejected', rejectedAs: status, errors, lastError: { code: status } });
    expect(rejected.envelope).toBe(envelope);
  });

  it('recovers an item left sending by a crash: queued and due, no attempt counted', () => {
    const recovered = transition({ ...sending, nextAttemptAt: now + 99_999 }, { type: 'recover' }, { now });
    expect(recovered).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: now });
  });

  const stored = transition(sending, { type: 'acknowledge', status: 'stored' }, { now });
  const rejected = transition(sending, { type: 'reject', status: 'invalid' }, { now });
  const every: OutboxEvent[] = [
    { type: 'send' },
    { type: 'acknowledge', status: 'stored' },
    { type: 'retry', error },
    { type: 'reject', status: 'conflict' },
    { type: 'recover' },
  ];
  const allowed = new Set(['queued:send', 'sending:acknowledge', 'sending:retry', 'sending:reject', 'sending:recover']);
  const cases = ([queued, sending, stored, rejected] as OutboxItem[]).flatMap((item) =>
    every.filter((event) => !allowed.has(`${item.status}:${event.type}`)).map((event) => [item.status, event.type, item, event] as const),
  );

  it.each(cases)('refuses %s + %s', (_status, _type, item, event) => {
    expect(() => transition(item, event, { now })).toThrow(InvalidTransitionError);
  });

  it('never moves a stored or rejected item by any of the sync engine’s events', () => {
    expect(cases.filter(([status]) => status === 'stored' || status === 'rejected')).toHaveLength(10);
  });

  describe('staff actions', () => {
    const later = now + 60_000;
    const discard = { type: 'discard', reason: ' Duplicate of K7QM ', by: 'anna' } as const;

    it('requeues a rejected item: attempts reset, due now, the server’s last reason kept', () => {
      const retried = transition({ ...rejected, attempts: 3, nextAttemptAt: now }, { type: 'requeue' }, { now: later });
      expect(retried).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: later, updatedAt: later, lastError: { code: 'invalid' } });
      expect(retried).not.toHaveProperty('rejectedAs');
      expect(retried).not.toHaveProperty('errors');
      expect(retried.envelope).toBe(envelope);
    });

    it('makes a queued item in backoff due now, and leaves one already due as it is', () => {
      const waiting = { ...queued, attempts: 2, nextAttemptAt: later + 99_000 };
      expect(transition(waiting, { type: 'requeue' }, { now: later })).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: later });
      expect(transition(queued, { type: 'requeue' }, { now: later }).nextAttemptAt).toBe(now);
    });

    it('discards a rejected item: ciphertext purged, tombstone with reason, who and when', () => {
      const tomb = transition(rejected, discard, { now: later });
      expect(tomb).toMatchObject({ id: envelope.id, reference: envelope.reference, status: 'discarded', rejectedAs: 'invalid' });
      expect(tomb.discarded).toEqual({ reason: 'Duplicate of K7QM', by: 'anna', at: new Date(later).toISOString() });
      expect(tomb).not.toHaveProperty('envelope');
    });

    it('refuses a discard without a reason or without a name', () => {
      expect(() => transition(rejected, { ...discard, reason: '   ' }, { now })).toThrow(InvalidTransitionError);
      expect(() => transition(rejected, { ...discard, by: '' }, { now })).toThrow(InvalidTransitionError);
    });

    const tomb = transition(rejected, discard, { now });
    it.each([
      ['sending', sending, { type: 'requeue' }],
      ['stored', stored, { type: 'requeue' }],
      ['discarded', tomb, { type: 'requeue' }],
      ['queued', queued, discard],
      ['sending', sending, discard],
      ['stored', stored, discard],
      ['discarded', tomb, discard],
    ] as const)('refuses %s + %o', (_status, item, event) => {
      expect(() => transition(item, event, { now })).toThrow(InvalidTransitionError);
    });

    it('moves a discarded item nowhere', () => {
      for (const event of every) expect(() => transition(tomb, event, { now })).toThrow(InvalidTransitionError);
    });
  });
});
