import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfirmedAction } from './confirmed-action.svelte.ts';

describe('ConfirmedAction', () => {
  let focused: string[];
  beforeEach(() => {
    focused = [];
    vi.stubGlobal('document', { getElementById: (id: string) => ({ focus: () => focused.push(id) }) });
  });
  afterEach(() => vi.unstubAllGlobals());

  function action(run: (item: string) => Promise<string>, failure?: (error: unknown) => string) {
    const after = vi.fn(async () => undefined);
    const confirmed = new ConfirmedAction<string>({ run, failure, after, doneFocusId: 'heading', buttonId: (item) => `button-${item}` });
    const box = { focus: vi.fn() };
    confirmed.box = box;
    return { confirmed, after, box };
  }

  it('asks about one row, focusing the question and clearing the last outcome', async () => {
    const { confirmed, box } = action(async () => 'done');
    confirmed.message = 'an earlier outcome';
    await confirmed.ask('tablet-1');
    expect(confirmed.confirming).toBe('tablet-1');
    expect(confirmed.message).toBeUndefined();
    expect(box.focus).toHaveBeenCalledTimes(1);
  });

  it('on confirm does it, announces what was done, reloads and moves focus to the heading', async () => {
    const run = vi.fn(async (item: string) => `${item} revoked`);
    const { confirmed, after } = action(run);
    await confirmed.ask('tablet-1');
    await confirmed.confirm();
    expect(run).toHaveBeenCalledWith('tablet-1');
    expect(confirmed).toMatchObject({ confirming: undefined, message: 'tablet-1 revoked', failed: undefined });
    expect(after).toHaveBeenCalledTimes(1);
    expect(focused).toEqual(['heading']);
  });

  it('says what failed in the screen\'s words, and still reloads', async () => {
    const { confirmed, after } = action(async () => Promise.reject(new Error('last admin')), (error) => `refused: ${(error as Error).message}`);
    await confirmed.ask('admin');
    await confirmed.confirm();
    expect(confirmed).toMatchObject({ message: undefined, failed: 'refused: last admin' });
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('on cancel does nothing and gives focus back to the row\'s button', async () => {
    const run = vi.fn(async () => 'done');
    const { confirmed } = action(run);
    await confirmed.ask('tablet-1');
    confirmed.cancel();
    expect(run).not.toHaveBeenCalled();
    expect(confirmed.confirming).toBeUndefined();
    expect(focused).toEqual(['button-tablet-1']);
  });

  it('on reset forgets the question and the last outcome', async () => {
    const { confirmed } = action(async () => 'done');
    await confirmed.ask('tablet-1');
    confirmed.failed = 'an earlier failure';
    confirmed.reset();
    expect(confirmed).toMatchObject({ confirming: undefined, message: undefined, failed: undefined });
  });
});
