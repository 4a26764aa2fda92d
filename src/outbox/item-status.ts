import { withStorage } from './db.ts';
import type { OutboxStatus } from './records.ts';

/**
 * The status of one submission in the outbox, or undefined when it is not there. The receipt asks
 * it to tell the citizen the truth: "sent" only once the server has acknowledged it ('stored').
 */
export function readItemStatus(id: string): Promise<OutboxStatus | undefined> {
  return withStorage('outbox.item-status', async (db) => (await db.outbox.get(id))?.status);
}
