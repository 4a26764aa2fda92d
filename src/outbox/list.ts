import { withStorage } from './db.ts';
import { OUTBOX_STATUSES, type OutboxStatus, type OutboxSummary } from './records.ts';

/** The outbox as staff may see it: metadata only, newest first. The envelope never leaves this module. */
export function listOutbox(filter: { status?: OutboxStatus; limit?: number } = {}): Promise<OutboxSummary[]> {
  return withStorage('outbox.list', async (db) => {
    let items = db.outbox.orderBy('createdAt').reverse();
    if (filter.status) items = items.filter((item) => item.status === filter.status);
    if (filter.limit !== undefined) items = items.limit(filter.limit);
    return (await items.toArray()).map(({ envelope: _sealed, ...summary }) => summary);
  });
}

/** How many items are in each state. */
export function outboxCounts(): Promise<Record<OutboxStatus, number>> {
  return withStorage('outbox.counts', async (db) => {
    const counts = await Promise.all(OUTBOX_STATUSES.map((status) => db.outbox.where('status').equals(status).count()));
    return Object.fromEntries(OUTBOX_STATUSES.map((status, i) => [status, counts[i]])) as Record<OutboxStatus, number>;
  });
}

/** When the earliest queued item is due (epoch ms), or undefined when nothing is queued. */
export function nextDueAt(): Promise<number | undefined> {
  return withStorage('outbox.next-due', async (db) => {
    const first = await db.outbox.where('[status+nextAttemptAt]').between(['queued', -Infinity], ['queued', Infinity], true, true).first();
    return first?.nextAttemptAt;
  });
}
