import { describe, expect, it, vi } from 'vitest';
import type { OutboxStatus } from '#outbox/records.ts';
import { SyncStatusWatch } from './sync-status.svelte.ts';

const counts: Record<OutboxStatus, number> = { queued: 2, sending: 1, stored: 9, rejected: 1, discarded: 0 };

describe('SyncStatusWatch', () => {
  it('counts queued and sending items as waiting, and keeps the last sync', async () => {
    const watch = new SyncStatusWatch({ outboxCounts: async () => counts, readSyncStatus: async () => ({ lastSyncAt: '2025-01-01T10:00:00Z' }) });
    await watch.refresh();
    expect(watch.waiting).toBe(3);
    expect(watch.rejected).toBe(1);
    expect(watch.lastSyncAt).toBe('2025-01-01T10:00:00Z');
    watch.reset();
    expect(watch.waiting).toBeUndefined();
  });

  it('says when the server refuses the tablet, and stops saying it once a run gets through', async () => {
    let status: { refused?: 'revoked' | 'expired' } = { refused: 'expired' };
    const watch = new SyncStatusWatch({ outboxCounts: async () => counts, readSyncStatus: async () => status });
    await watch.refresh();
    expect(watch.refused).toBe('expired');
    status = {};
    await watch.refresh();
    expect(watch.refused).toBeUndefined();
  });

  it('keeps what it showed when storage fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = false;
    const watch = new SyncStatusWatch({
      outboxCounts: async () => {
        if (fail) throw new Error('closed');
        return counts;
      },
      readSyncStatus: async () => ({}),
    });
    await watch.refresh();
    fail = true;
    await watch.refresh();
    expect(watch.waiting).toBe(3);
    vi.restoreAllMocks();
  });
});
