import { afterEach, describe, expect, it, vi } from 'vitest';
import { titleKey } from '#forms/engine/keys.ts';
import type { Draft, DraftInput } from '#vault/vault.ts';
import { DraftFlowController, SAVE_AFTER_TYPING_MS, type DraftStore } from './draft-flow.svelte.ts';

const form = { id: 'home-visit' };

function fakeVault(draft?: Partial<Draft>) {
  const saves: DraftInput[] = [];
  const order: string[] = [];
  const store = {
    locked: false as boolean,
    loadDraft: vi.fn(async () => draft as Draft | undefined),
    saveDraft: vi.fn(async (input: DraftInput) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      saves.push(input);
      order.push('save');
    }),
    deleteDraft: vi.fn(async () => {
      order.push('delete');
    }),
  } satisfies DraftStore;
  return { store, saves, order };
}

function opened(draft?: Partial<Draft>) {
  const vault = fakeVault(draft);
  const memory: Record<string, Record<string, unknown>> = {};
  const flow = new DraftFlowController(vault.store, 'd1', form, (id) => (memory[id] ??= {}));
  return { flow, memory, ...vault };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('DraftFlowController', () => {
  it('opens the draft at its step with its answers, in the session memory', async () => {
    const { flow, memory } = opened({ stepIndex: 2, answers: { name: 'Anna' } });
    await flow.open();
    expect(flow.ready).toEqual({ startStep: 2, answers: { name: 'Anna' } });
    expect(memory['draft:d1']).toEqual({ name: 'Anna' });
  });

  it('starts a new draft at the first step', async () => {
    const { flow } = opened();
    await flow.open();
    expect(flow.ready).toEqual({ startStep: 0, answers: {} });
  });

  it('says so when the draft cannot be read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { flow, store } = opened();
    store.loadDraft.mockRejectedValue(new Error('DraftUnreadableError'));
    await flow.open();
    expect(flow.loadFailed).toBe(true);
  });

  it('saves once typing pauses, with the form title as the label and no save for an unchanged form', async () => {
    vi.useFakeTimers();
    const { flow, saves } = opened();
    await flow.open();
    flow.answered('{}');
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_TYPING_MS * 2);
    expect(saves).toEqual([]);
    flow.ready!.answers.name = 'Anna';
    flow.answered('{"name":"Anna"}');
    await vi.advanceTimersByTimeAsync(SAVE_AFTER_TYPING_MS - 1);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(saves).toEqual([{ id: 'd1', formId: 'home-visit', stepIndex: 0, label: titleKey(form), answers: { name: 'Anna' } }]);
    expect(flow.saved).toBe('saved');
    expect(flow.saves).toBe(1);
  });

  it('saves at every step change, and not while the vault is locked', async () => {
    const { flow, store, saves } = opened();
    await flow.open();
    flow.progress(1);
    await flow.saveNow();
    expect(saves.map((s) => s.stepIndex)).toEqual([1]);
    store.locked = true;
    flow.progress(2);
    await flow.saveNow();
    expect(saves).toHaveLength(1);
  });

  it('marks a failed save and tries again at the next chance', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { flow, store } = opened();
    await flow.open();
    store.saveDraft.mockRejectedValueOnce(new Error('QuotaExceededError'));
    flow.progress(1);
    await flow.saveNow();
    expect(flow.saved).toBe('failed');
    await flow.saveNow();
    expect(flow.saved).toBe('saved');
  });

  it('deletes the draft after the save in progress when the form is sent, saves nothing more, then finishes', async () => {
    const { flow, order } = opened();
    await flow.open();
    flow.progress(1);
    flow.submitted();
    flow.progress(2);
    const finished = new Promise<void>((resolve) => flow.finish(resolve));
    await finished;
    expect(order).toEqual(['save', 'delete']);
  });

  it('reset() forgets the draft on screen', async () => {
    const { flow } = opened({ stepIndex: 1, answers: {} });
    await flow.open();
    flow.reset();
    expect(flow.ready).toBeUndefined();
    expect(flow.saves).toBe(0);
  });
});
