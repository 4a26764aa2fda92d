import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outboxDb } from './db.ts';
import { listOutbox, nextDueAt, outboxCounts } from './list.ts';
import { submit } from './submit.ts';
import { TEST_TYPE, makeServerKeys, registerTestRequestType, storeDevice, testDevice } from './outbox.fixtures.ts';

beforeAll(async () => {
  registerTestRequestType();
  await storeDevice(testDevice((await makeServerKeys()).serverKey));
});
afterEach(async () => {
  await outboxDb().outbox.clear();
});

const at = (minute: number) => () => new Date(Date.UTC(2025, 2, 1, 12, minute));

describe('the staff view of the outbox', () => {
  it('lists metadata only, newest first, by status and limit', async () => {
    const a = await submit({ type: TEST_TYPE, data: { note: 'a' } }, { now: at(1) });
    const b = await submit({ type: TEST_TYPE, data: { note: 'b' } }, { now: at(2) });
    const c = await submit({ type: TEST_TYPE, data: { note: 'c' } }, { now: at(3) });
    await outboxDb().outbox.update(b.id, { status: 'rejected' });

    const all = await listOutbox();
    expect(all.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
    for (const summary of all) expect(summary).not.toHaveProperty('envelope');
    expect(all[0]).toMatchObject({ reference: c.reference, type: TEST_TYPE, status: 'queued', createdAt: c.createdAt });
    expect((await listOutbox({ status: 'rejected' })).map((i) => i.id)).toEqual([b.id]);
    expect((await listOutbox({ limit: 1 })).map((i) => i.id)).toEqual([c.id]);
  });

  it('lists one status newest first whatever order the items were queued in, up to the limit', async () => {
    const late = await submit({ type: TEST_TYPE, data: { note: 'late' } }, { now: at(9) });
    const early = await submit({ type: TEST_TYPE, data: { note: 'early' } }, { now: at(4) });
    const middle = await submit({ type: TEST_TYPE, data: { note: 'middle' } }, { now: at(6) });
    const queued = await listOutbox({ status: 'queued' });
    expect(queued.map((i) => i.id)).toEqual([late.id, middle.id, early.id]);
    for (const summary of queued) expect(summary).not.toHaveProperty('envelope');
    expect((await listOutbox({ status: 'queued', limit: 2 })).map((i) => i.id)).toEqual([late.id, middle.id]);
  });

  it('counts by status', async () => {
    expect(await outboxCounts()).toEqual({ queued: 0, sending: 0, stored: 0, rejected: 0, discarded: 0 });
    const { id } = await submit({ type: TEST_TYPE, data: { note: 'a' } });
    await submit({ type: TEST_TYPE, data: { note: 'b' } });
    await outboxDb().outbox.update(id, { status: 'stored' });
    expect(await outboxCounts()).toEqual({ queued: 1, sending: 0, stored: 1, rejected: 0, discarded: 0 });
  });

  it('knows when the earliest queued item is due', async () => {
    expect(await nextDueAt()).toBeUndefined();
    await submit({ type: TEST_TYPE, data: { note: 'late' } }, { now: at(9) });
    await submit({ type: TEST_TYPE, data: { note: 'early' } }, { now: at(4) });
    expect(await nextDueAt()).toBe(at(4)().getTime());
  });
});
