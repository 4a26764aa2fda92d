import { describe, expect, it, vi } from 'vitest';
import { installOutboxSync } from './sw-sync.ts';
import type { SyncOutcome, SyncResult } from './sync-result.ts';

const result = (outcome: SyncOutcome): SyncResult => ({ outcome, sent: 1, stored: 1, duplicate: 0, rejected: 0, retried: 0 });

/** A service worker scope as far as installOutboxSync uses it, firing extendable events. */
function fakeWorker(outcome: SyncOutcome) {
  const scope = new EventTarget();
  const sync = vi.fn(async () => result(outcome));
  installOutboxSync(scope as unknown as ServiceWorkerGlobalScope, { sync });
  const fire = (type: string, fields: Record<string, unknown>): Promise<unknown> => {
    let extended: Promise<unknown> = Promise.resolve();
    scope.dispatchEvent(Object.assign(new Event(type), { ...fields, waitUntil: (p: Promise<unknown>) => (extended = p) }));
    return extended;
  };
  return { sync, fire };
}

describe('installOutboxSync', () => {
  it('syncs on the outbox Background Sync event, and only on that tag', async () => {
    const { sync, fire } = fakeWorker('done');
    await fire('sync', { tag: 'something-else' });
    expect(sync).not.toHaveBeenCalled();
    await expect(fire('sync', { tag: 'outbox-sync' })).resolves.toBeUndefined();
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it.each(['network-error', 'server-unavailable'] as const)('asks the browser to fire the event again after %s', async (outcome) => {
    const { fire } = fakeWorker(outcome);
    await expect(fire('sync', { tag: 'outbox-sync' })).rejects.toThrow(outcome);
  });

  it('syncs on a page’s message and answers with the result', async () => {
    const { sync, fire } = fakeWorker('done');
    const channel = new MessageChannel();
    const answer = new Promise((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
    await fire('message', { data: { type: 'outbox-sync' }, ports: [channel.port2] });
    expect(await answer).toEqual(result('done'));
    expect(sync).toHaveBeenCalledTimes(1);
    channel.port1.close();
  });

  it('ignores other messages', async () => {
    const { sync, fire } = fakeWorker('done');
    await fire('message', { data: { type: 'SKIP_WAITING' }, ports: [] });
    expect(sync).not.toHaveBeenCalled();
  });
});
