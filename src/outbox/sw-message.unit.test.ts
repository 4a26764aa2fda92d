import { describe, expect, it } from 'vitest';
import { isSyncRequest, requestServiceWorkerSync } from './sw-message.ts';
import type { SyncResult } from './sync-result.ts';

const done: SyncResult = { outcome: 'done', sent: 2, stored: 2, duplicate: 0, rejected: 0, retried: 0 };

/** A controlling service worker that answers on the port it is handed, or never. */
function container(answer: SyncResult | 'silent' | 'none') {
  const received: unknown[] = [];
  const controller = {
    postMessage(message: unknown, transfer: MessagePort[]) {
      received.push(message);
      if (answer !== 'silent') transfer[0].postMessage(answer);
    },
  };
  return { container: { controller: answer === 'none' ? null : controller } as unknown as ServiceWorkerContainer, received };
}

describe('requestServiceWorkerSync', () => {
  it('asks the controlling worker to sync and resolves to its answer', async () => {
    const { container: c, received } = container(done);
    expect(await requestServiceWorkerSync(c)).toEqual(done);
    expect(received).toEqual([{ type: 'outbox-sync' }]);
    expect(isSyncRequest(received[0])).toBe(true);
  });

  it('resolves to undefined without a controlling worker, or when it does not answer in time', async () => {
    expect(await requestServiceWorkerSync(container('none').container)).toBeUndefined();
    expect(await requestServiceWorkerSync(container('silent').container, 10)).toBeUndefined();
  });
});
