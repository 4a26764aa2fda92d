import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '#server/log.ts';
import { copenhagenDay } from '#server/store/counter-store.ts';
import { openStore } from '#server/store/open-store.ts';
import type { Store } from '#server/store/store.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

/** Queue numbers and help calls on PostgreSQL, where concurrent transactions really run at once. */
describe.runIf(pgAvailable())('counter store on PostgreSQL', () => {
  let cluster: PgCluster;
  let store: Store;
  beforeAll(async () => {
    cluster = await startPgCluster();
    store = await openStore({ databaseUrl: await cluster.createDatabase(), dataDir: '/nonexistent', log: silentLog });
    await store.createDevice({ id: 'k1', name: 'Kiosk 1', kind: 'kiosk', createdAt: '2026-01-01T00:00:00.000Z', revokedAt: null }, 'hash-1');
    await store.createDevice({ id: 'k2', name: 'Kiosk 2', kind: 'kiosk', createdAt: '2026-01-01T00:00:00.000Z', revokedAt: null }, 'hash-2');
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('gives kiosks taking tickets at once the numbers 1…n of the day, each once, and starts again at 1 the next day', async () => {
    const monday = new Date('2026-03-02T08:00:00.000Z');
    const tickets = await Promise.all(Array.from({ length: 16 }, (_, i) => store.counter.takeQueueTicket(i % 2 ? 'k1' : 'k2', monday)));
    expect(tickets.map((t) => t.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    // 23:30 UTC on Monday is already Tuesday in Copenhagen.
    const tuesday = await store.counter.takeQueueTicket('k1', new Date('2026-03-02T23:30:00.000Z'));
    expect(tuesday).toMatchObject({ day: '2026-03-03', number: 1 });
    expect(copenhagenDay(monday)).toBe('2026-03-02');
  });

  it('lets two staff pressing "call next" at once call two different tickets', async () => {
    const day = copenhagenDay(new Date('2026-03-02T08:00:00.000Z'));
    const [a, b] = await Promise.all([store.counter.callNextTicket(day, '2026-03-02T09:00:00.000Z', 'anne'), store.counter.callNextTicket(day, '2026-03-02T09:00:00.000Z', 'bo')]);
    expect(new Set([a!.number, b!.number])).toEqual(new Set([1, 2]));
  });

  it('stores a help call once per id and keeps it open until handled', async () => {
    const call = { id: crypto.randomUUID(), deviceId: 'k1', route: '/', calledAt: '2026-03-02T09:00:00.000Z', receivedAt: '2026-03-02T09:03:00.000Z' };
    expect(await store.counter.addHelpCall(call)).toMatchObject({ created: true });
    expect(await store.counter.addHelpCall(call)).toMatchObject({ created: false });
    expect(await store.counter.addHelpCall({ ...call, deviceId: 'k2' })).toBe('conflict');
    expect((await store.counter.openHelpCalls()).map((c) => c.id)).toEqual([call.id]);
    expect(await store.counter.handleHelpCall(call.id, '2026-03-02T09:04:00.000Z', 'anne')).toMatchObject({ handledBy: 'anne' });
    expect(await store.counter.openHelpCalls()).toEqual([]);
  });
});
