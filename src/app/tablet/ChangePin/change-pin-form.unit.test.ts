import { describe, expect, it, vi } from 'vitest';
import type { ChangePinResult } from '#vault/change-pin.ts';
import { MIN_PIN_LENGTH } from '#vault/pin.ts';
import { ChangePinForm } from './change-pin-form.svelte.ts';

function filled(change = vi.fn(async (): Promise<ChangePinResult> => ({ ok: true }))) {
  const form = new ChangePinForm(change);
  form.current = '246813';
  form.pin = '975318';
  form.again = '975318';
  return { form, change };
}

describe('ChangePinForm', () => {
  it('needs the current PIN and a good new one typed twice', () => {
    const form = new ChangePinForm(vi.fn());
    expect(form.check(MIN_PIN_LENGTH)).toBe(false);
    expect(form.problems.map((p) => p.field)).toEqual(['pin-current', 'pin-new']);
  });

  it('changes the PIN, forgets every field and says it is done', async () => {
    const { form, change } = filled();
    await form.submit('anna', MIN_PIN_LENGTH);
    expect(change).toHaveBeenCalledWith('anna', '246813', '975318');
    expect(form.done).toBe(true);
    expect([form.current, form.pin, form.again]).toEqual(['', '', '']);
  });

  it('names a wrong current PIN on its field', async () => {
    const { form } = filled(vi.fn(async (): Promise<ChangePinResult> => ({ ok: false, reason: 'wrong-pin' })));
    await form.submit('anna', MIN_PIN_LENGTH);
    expect(form.problems).toEqual([{ field: 'pin-current', key: 'pin.errors.currentWrong' }]);
    expect(form.done).toBe(false);
  });

  it('says the change failed when the profile changed meanwhile or storage fails', async () => {
    const { form } = filled(vi.fn(async (): Promise<ChangePinResult> => ({ ok: false, reason: 'changed-meanwhile' })));
    await form.submit('anna', MIN_PIN_LENGTH);
    expect(form.failed).toBe(true);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = filled(vi.fn().mockRejectedValue(new Error('closed'))).form;
    await broken.submit('anna', MIN_PIN_LENGTH);
    expect(broken.failed).toBe(true);
    expect(broken.busy).toBe(false);
    vi.restoreAllMocks();
  });
});
