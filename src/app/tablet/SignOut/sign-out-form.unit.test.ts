import { describe, expect, it, vi } from 'vitest';
import type { DraftSummary } from '#vault/vault.ts';
import { SignOutForm } from './sign-out-form.svelte.ts';

const draft = (id: string): DraftSummary => ({ id, formId: 'home-visit', updatedAt: '2026-11-23T10:00:00.000Z', rescuable: true });

function vaultWith(drafts: DraftSummary[]) {
  return { username: 'bo', listDrafts: vi.fn(async () => drafts), signOut: vi.fn(async () => undefined) };
}

describe('SignOutForm', () => {
  it('signs out at once when nothing unsent would be lost, and forgets that person\'s credential', async () => {
    const forgetCredential = vi.fn(async () => undefined);
    const form = new SignOutForm({ forgetCredential });
    const vault = vaultWith([]);
    await form.load(vault);
    expect(form.drafts).toBe(0);
    expect(await form.submit(vault)).toBe(true);
    expect(vault.signOut).toHaveBeenCalledOnce();
    expect(forgetCredential).toHaveBeenCalledWith('bo');
  });

  it('asks to confirm before deleting unfinished drafts', async () => {
    const form = new SignOutForm({ forgetCredential: async () => undefined });
    const vault = vaultWith([draft('a'), draft('b')]);
    await form.load(vault);
    expect(form.drafts).toBe(2);
    expect(await form.submit(vault)).toBe(false);
    expect(form.problems).toEqual([{ field: 'sign-out-confirm', key: 'signOut.errors.confirm' }]);
    expect(vault.signOut).not.toHaveBeenCalled();
    form.confirmed = true;
    expect(await form.submit(vault)).toBe(true);
    expect(vault.signOut).toHaveBeenCalledOnce();
  });

  it('asks to confirm when the drafts could not be counted, and says when signing out failed', async () => {
    const error = console.error;
    console.error = () => undefined;
    try {
      const form = new SignOutForm({ forgetCredential: async () => undefined });
      await form.load({ listDrafts: async () => Promise.reject(new Error('closed')) });
      expect(form.failed).toBe(true);
      expect(await form.submit(vaultWith([]))).toBe(false);
      form.confirmed = true;
      const broken = { username: 'bo', signOut: async () => Promise.reject(new Error('closed')) };
      expect(await form.submit(broken)).toBe(false);
      expect(form.failed).toBe(true);
      form.reset();
      expect(form).toMatchObject({ drafts: undefined, confirmed: false, failed: false, problems: [] });
    } finally {
      console.error = error;
    }
  });
});
