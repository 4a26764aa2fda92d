import { describe, expect, it, vi } from 'vitest';
import type { Answers, FormDefinition } from '#forms/engine/types.ts';
import { StorageError, SubmissionTooLargeError } from '#outbox/errors.ts';
import type { Receipt } from '#outbox/submit.ts';
import { FormFlowState, failureOf, type FormFlowIO, type FormFlowProps } from './form-flow.svelte.ts';

const form: FormDefinition = {
  id: 'complaint',
  type: 'complaint',
  schemaVersion: 1,
  steps: [
    { id: 'about', fields: [{ name: 'description', kind: 'text', required: true, personal: true }] },
    { id: 'you', fields: [{ name: 'name', kind: 'text', required: true, personal: true }] },
  ],
};

const receipt: Receipt = { id: 'item-1', reference: 'VKJK-3NMH-545Z', createdAt: '2026-12-05T09:00:00.000Z', type: 'complaint' };

function io(overrides: Partial<FormFlowIO> = {}): FormFlowIO {
  return {
    submit: vi.fn(async () => receipt),
    watchDelivery: vi.fn(async () => undefined),
    qr: vi.fn(async () => '<svg/>'),
    online: () => false,
    wait: () => new Promise(() => {}),
    ...overrides,
  };
}

function flow(answers: Answers = {}, fakes = io(), props: Partial<FormFlowProps> = {}, startStep?: number) {
  const onprogress = vi.fn();
  const state = new FormFlowState(() => ({ form, answers, onprogress, ...props }), fakes, { startStep, today: new Date('2026-12-05T10:00:00Z') });
  return { state, onprogress, fakes };
}

describe('FormFlowState', () => {
  it('Next with a missing answer stays on the step and shows the errors in the summary', () => {
    const { state, onprogress } = flow();
    expect(state.next()).toEqual({ to: 'summary' });
    expect(state.stepIndex).toBe(0);
    expect(state.errors.map((e) => e.path)).toEqual(['description']);
    expect(onprogress).not.toHaveBeenCalled();
  });

  it('Next with the step answered moves on, clears the errors and tells the caller the step', () => {
    const answers: Answers = {};
    const { state, onprogress } = flow(answers);
    state.next();
    answers.description = 'Mit MitID blev spærret';
    expect(state.next()).toEqual({ to: 'heading' });
    expect(state.stepIndex).toBe(1);
    expect(state.errors).toEqual([]);
    expect(onprogress).toHaveBeenCalledWith(1);
  });

  it('after the last step comes the check-answers page', () => {
    const { state } = flow({ description: 'x', name: 'Anna' });
    state.next();
    state.next();
    expect(state.checking).toBe(true);
    expect(state.step).toBeUndefined();
  });

  it('Change goes to the field, and the next Next returns to the check-answers page', () => {
    const { state } = flow({ description: 'x', name: 'Anna' }, io(), {}, 2);
    expect(state.change(0, 'description')).toEqual({ to: 'field', id: 'f-description' });
    expect(state.stepIndex).toBe(0);
    state.next();
    expect(state.checking).toBe(true);
  });

  it('Back on the first step is left to the link; later it goes one step back', () => {
    const { state, onprogress } = flow({ description: 'x' }, io(), {}, 1);
    expect(state.back()).toEqual({ to: 'heading' });
    expect(state.stepIndex).toBe(0);
    expect(onprogress).toHaveBeenCalledWith(0);
    expect(state.back()).toBeUndefined();
  });

  it('opens a draft at its step, never past the check-answers page', () => {
    expect(flow({}, io(), {}, 7).state.stepIndex).toBe(2);
    expect(flow({}, io(), {}, -1).state.stepIndex).toBe(0);
  });

  it('send() queues the request with the assisting staff member, then shows the receipt with its QR code', async () => {
    const fakes = io();
    const onsubmitted = vi.fn();
    const { state } = flow({ description: 'x', name: 'Anna' }, fakes, { assisted: true, assistedBy: 'bent', onsubmitted }, 2);
    expect(await state.send()).toEqual({ to: 'heading' });
    expect(fakes.submit).toHaveBeenCalledWith({ type: 'complaint', data: { description: 'x', name: 'Anna' }, assisted: true, assistedBy: 'bent' });
    expect(onsubmitted).toHaveBeenCalledWith(receipt);
    expect(fakes.watchDelivery).toHaveBeenCalledWith('item-1');
    expect(state.receipt).toEqual(receipt);
    expect(state.qr).toBe('<svg/>');
    expect(state.finished).toBe(true);
    expect(state.submitting).toBe(false);
  });

  it('online, send() waits for the first sync (or the wait) before the receipt shows', async () => {
    let synced: () => void = () => {};
    const fakes = io({ online: () => true, watchDelivery: () => new Promise<void>((r) => (synced = r)) });
    const { state } = flow({ description: 'x', name: 'Anna' }, fakes, {}, 2);
    const sending = state.send();
    await Promise.resolve();
    expect(state.submitting).toBe(true);
    synced();
    await sending;
    expect(state.submitting).toBe(false);
  });

  it('a request the device cannot keep becomes a failure, and no QR code is made', async () => {
    const fakes = io({ submit: vi.fn(async () => { throw new SubmissionTooLargeError('complaint', 2, 1); }) });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { state } = flow({ description: 'x', name: 'Anna' }, fakes, {}, 2);
    await state.send();
    expect(state.failure).toBe('tooLarge');
    expect(state.receipt).toBeUndefined();
    expect(fakes.qr).not.toHaveBeenCalled();
  });

  it('send() with an answer that no longer holds goes back to its step and sends nothing', async () => {
    const fakes = io();
    const { state } = flow({ description: 'x' }, fakes, {}, 2);
    expect(await state.send()).toEqual({ to: 'summary' });
    expect(state.stepIndex).toBe(1);
    expect(state.errors.map((e) => e.path)).toEqual(['name']);
    expect(fakes.submit).not.toHaveBeenCalled();
  });

  it('reset() returns to the opening step with nothing shown', async () => {
    const { state } = flow({ description: 'x', name: 'Anna' }, io(), {}, 2);
    await state.send();
    state.reset();
    expect([state.stepIndex, state.receipt, state.failure, state.qr, state.errors]).toEqual([2, undefined, undefined, undefined, []]);
  });
});

describe('failureOf', () => {
  it('tells a too-large request from one the device could not store', () => {
    expect(failureOf(new SubmissionTooLargeError('complaint', 2, 1))).toBe('tooLarge');
    expect(failureOf(new StorageError('put', new Error('QuotaExceededError')))).toBe('storage');
    expect(failureOf(new Error('?'))).toBe('storage');
  });
});
