import { withStorage } from './db.ts';
import { OUTBOX_STATUSES, type OutboxItem, type OutboxStatus, type OutboxSummary } from './records.ts';

/** The outbox as staff may see it: metadata only, newest first. The envelope never leaves this module. */
export function listOutbox(filter: { status?: OutboxStatus; limit?: number } = {}): Promise<OutboxSummary[]> {
  return withStorage('outbox.list', async (db) => {
    if (filter.status) {
      // One read of the status index (getAll) rather than a cursor step per item over the whole
      // outbox: on a long queue that walk was the set-up screen's largest cost. Sorted here.
      const matching = await db.outbox.where('status').equals(filter.status).toArray();
      // Newest first, as the createdAt index read backwards gives them (equal times: by id, descending).
      matching.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
      return (filter.limit === undefined ? matching : matching.slice(0, filter.limit)).map(summaryOf);
    }
    let items = db.outbox.orderBy('createdAt').reverse();
    if (filter.limit !== undefined) items = items.limit(filter.limit);
    return (await items.toArray()).map(summaryOf);
  });
}

function summaryOf({ envelope: _sealed, ...summary }: OutboxItem): OutboxSummary {
  return summary;
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
