import { describe, expect, it, vi } from 'vitest';
import type { DraftSummary } from '#vault/vault.ts';
import { DraftList } from './draft-list.svelte.ts';

const draft = (id: string, updatedAt: string) => ({ id, formId: 'home-visit', updatedAt, rescuable: true }) as DraftSummary;

describe('DraftList', () => {
  it('lists the drafts newest first', async () => {
    const list = new DraftList(async () => [draft('a', '2025-01-01T10:00:00Z'), draft('b', '2025-01-02T10:00:00Z')]);
    await list.load();
    expect(list.drafts?.map((d) => d.id)).toEqual(['b', 'a']);
  });

  it('says so when the drafts cannot be listed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const list = new DraftList(async () => {
      throw new Error('VaultLockedError');
    });
    await list.load();
    expect(list.failed).toBe(true);
    list.reset();
    expect(list.failed).toBe(false);
    vi.restoreAllMocks();
  });
});
