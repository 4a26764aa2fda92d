import { describe, expect, it, vi } from 'vitest';
import { validateRequest, requestType } from '#forms/index.ts';
import { NotEnrolledError, StorageError } from '#outbox/errors.ts';
import type { Receipt } from '#outbox/submit.ts';
import { TestRequest } from './test-request.svelte.ts';

const at = new Date('2026-11-23T20:00:00.000Z');
const receipt: Receipt = { id: 'id-1', reference: 'ABCD-EFGH-JKLM', createdAt: at.toISOString(), type: 'device-test' };

describe('device-test request type', () => {
  it('is registered at version 1 with the forms, so app and server accept it', () => {
    expect(requestType('device-test')?.current).toBe(1);
    expect(validateRequest('device-test', 1, { note: 'device-test', sentAt: at.toISOString() })).toEqual({
      ok: true,
      data: { note: 'device-test', sentAt: at.toISOString() },
    });
  });

  it('refuses anything but the marker and a timestamp, so it cannot carry citizen data', () => {
    expect(validateRequest('device-test', 1, { note: 'device-test', sentAt: at.toISOString(), cpr: '0101011234' }).ok).toBe(false);
    expect(validateRequest('device-test', 1, { note: 'hello', sentAt: at.toISOString() }).ok).toBe(false);
    expect(validateRequest('device-test', 1, { note: 'device-test', sentAt: 'yesterday' }).ok).toBe(false);
  });
});

describe('TestRequest', () => {
  it('starts the page sync, then submits a device-test request and keeps its receipt', async () => {
    const calls: string[] = [];
    const submit = vi.fn(async () => (calls.push('submit'), receipt));
    const test = new TestRequest({ submit, startSync: () => calls.push('sync'), now: () => at });
    expect(await test.send()).toBe(receipt);
    expect(calls).toEqual(['sync', 'submit']);
    expect(submit).toHaveBeenCalledWith({ type: 'device-test', data: { note: 'device-test', sentAt: at.toISOString() } });
    expect(test.receipt).toBe(receipt);
    expect(test.sending).toBe(false);
    expect(test.errorKey).toBeUndefined();
  });

  it('ignores a second press while the first is still queueing', async () => {
    let release!: (r: Receipt) => void;
    const submit = vi.fn(() => new Promise<Receipt>((resolve) => (release = resolve)));
    const test = new TestRequest({ submit, startSync: () => undefined });
    const first = test.send();
    expect(test.sending).toBe(true);
    expect(await test.send()).toBeUndefined();
    release(receipt);
    await first;
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it.each([
    [new NotEnrolledError('outbox.submit'), 'setup:test.notEnrolled'],
    [new StorageError('outbox.put', new Error('QuotaExceededError'), 'quota'), 'setup:test.storage'],
    [new Error('boom'), 'setup:test.failed'],
  ])('names the failure %s with a sentence and shows no reference', async (error, key) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const test = new TestRequest({ submit: async () => Promise.reject(error), startSync: () => undefined });
    test.receipt = receipt;
    expect(await test.send()).toBeUndefined();
    expect(test.errorKey).toBe(key);
    expect(test.receipt).toBeUndefined();
  });
});
