import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxDb } from './db.ts';
import { DiscardReasonRequiredError, OutboxItemNotFoundError } from './errors.ts';
import { onOutbox } from './events.ts';
import { listOutbox, outboxCounts } from './list.ts';
import { discardRejected, enqueueSealed, retryItem } from './manage.ts';
import type { OutboxItem } from './records.ts';
import { InvalidTransitionError } from './state.ts';
import { submit } from './submit.ts';
import { seal } from './envelope.ts';
import { newReference } from '#domain/reference.ts';
import { TEST_TYPE, clearOutboxDb, everyStoredString, makeServerKeys, registerTestRequestType, storeDevice, testDevice, type TestServerKeys } from './outbox.fixtures.ts';

const T0 = Date.parse('2025-03-01T12:00:00.000Z');
let keys: TestServerKeys;

beforeAll(async () => {
  registerTestRequestType();
  keys = await makeServerKeys();
});
beforeEach(() => storeDevice(testDevice(keys.serverKey)));
afterEach(clearOutboxDb);

const item = async (id: string) => (await outboxDb().outbox.get(id)) as OutboxItem;

async function queued(note = 'hello'): Promise<string> {
  return (await submit({ type: TEST_TYPE, data: { note } }, { now: () => new Date(T0) })).id;
}

async function rejected(note = 'hello'): Promise<string> {
  const id = await queued(note);
  await outboxDb().outbox.update(id, {
    status: 'rejected',
    attempts: 4,
    nextAttemptAt: T0 + 50_000,
    rejectedAs: 'invalid',
    errors: [{ path: 'note', code: 'min_length' }],
    lastError: { code: 'invalid', message: 'the server refused it as invalid' },
  });
  return id;
}

describe('retryItem', () => {
  it('puts a rejected item back in the queue, due now, attempts reset, and asks for a sync', async () => {
    const id = await rejected();
    const seen: string[] = [];
    const off = onOutbox('queued', (e) => seen.push(e.id));
    const summary = await retryItem(id, { now: T0 + 1000 });
    off();
    expect(summary).toMatchObject({ id, status: 'queued', attempts: 0, nextAttemptAt: T0 + 1000 });
    expect(summary).not.toHaveProperty('envelope');
    expect((await item(id)).envelope).toBeDefined();
    expect(seen).toEqual([id]);
  });

  it('makes a queued item waiting out its backoff due now', async () => {
    const id = await queued();
    await outboxDb().outbox.update(id, { attempts: 3, nextAttemptAt: T0 + 600_000 });
    await retryItem(id, { now: T0 + 5 });
    expect(await item(id)).toMatchObject({ status: 'queued', attempts: 3, nextAttemptAt: T0 + 5 });
  });

  it('refuses a stored item and an unknown id', async () => {
    const id = await queued();
    await outboxDb().outbox.update(id, { status: 'stored' });
    await expect(retryItem(id)).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(retryItem('no-such-id')).rejects.toBeInstanceOf(OutboxItemNotFoundError);
    expect((await item(id)).status).toBe('stored');
  });
});

describe('discardRejected', () => {
  it('keeps a tombstone with reason, who and when, drops the ciphertext, and lists it', async () => {
    const id = await rejected();
    const { ciphertext } = (await item(id)).envelope!;
    const summary = await discardRejected(id, { reason: '  Sent again on paper  ', by: 'anna' }, { now: T0 + 9000 });
    expect(summary).toMatchObject({ id, status: 'discarded', discarded: { reason: 'Sent again on paper', by: 'anna', at: new Date(T0 + 9000).toISOString() } });
    const stored = await item(id);
    expect(stored).not.toHaveProperty('envelope');
    expect(stored.reference).toBe(summary.reference);
    expect(await everyStoredString()).not.toContain(ciphertext);
    expect((await listOutbox()).map((i) => [i.id, i.status])).toEqual([[id, 'discarded']]);
    expect((await outboxCounts()).discarded).toBe(1);
  });

  it.each(['', '   '])('refuses the reason %j and changes nothing', async (reason) => {
    const id = await rejected();
    await expect(discardRejected(id, { reason, by: 'anna' })).rejects.toBeInstanceOf(DiscardReasonRequiredError);
    await expect(discardRejected(id, { reason: 'ok', by: ' ' })).rejects.toMatchObject({ missing: 'by' });
    expect((await item(id)).status).toBe('rejected');
    expect((await item(id)).envelope).toBeDefined();
  });

  it('refuses an item that is not rejected', async () => {
    const id = await queued();
    await expect(discardRejected(id, { reason: 'mistake', by: 'anna' })).rejects.toBeInstanceOf(InvalidTransitionError);
    expect((await item(id)).envelope).toBeDefined();
  });
});

describe('enqueueSealed', () => {
  async function sealed() {
    const reference = newReference();
    return seal({ type: TEST_TYPE, schemaVersion: 1, reference, createdAt: new Date(T0).toISOString(), data: { note: 'x' } }, { id: crypto.randomUUID() }, keys.serverKey);
  }

  it('queues sealed envelopes in one go, due now, and tells the scheduler', async () => {
    const [a, b] = [await sealed(), await sealed()];
    const seen: string[] = [];
    const off = onOutbox('queued', (e) => seen.push(e.id));
    expect(await enqueueSealed([a, b], T0)).toBe(2);
    off();
    expect(await item(a.id)).toMatchObject({ status: 'queued', nextAttemptAt: T0, reference: a.reference, envelope: a });
    expect((await item(b.id)).status).toBe('queued');
    expect(seen.sort()).toEqual([a.id, b.id].sort());
  });

  it('leaves an envelope already in the outbox as it is, so an interrupted rescue can run again', async () => {
    const a = await sealed();
    await enqueueSealed(a, T0);
    await outboxDb().outbox.update(a.id, { status: 'stored', envelope: undefined });
    expect(await enqueueSealed([a, await sealed()], T0 + 1)).toBe(1);
    expect((await item(a.id)).status).toBe('stored');
  });
});
