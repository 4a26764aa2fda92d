import { describe, expect, it, vi } from 'vitest';
import { EnrolmentError, StorageError } from '#outbox/errors.ts';
import type { DeviceRecord } from '#outbox/records.ts';
import { SetupForm } from './setup-form.svelte.ts';

const origin = 'https://kiosk.kommune.example';
const device = { deviceId: 'd', name: 'Stander 1', kind: 'kiosk', serverUrl: '' } as DeviceRecord;

function filled(enrol = vi.fn(async () => device)) {
  const form = new SetupForm(origin, enrol);
  form.code = ' 123456 ';
  form.name = 'Stander 1';
  return { form, enrol };
}

describe('SetupForm', () => {
  it('starts with this origin as the server address', () => {
    const form = new SetupForm(origin);
    expect(form.server).toBe(origin);
    expect(form.kind).toBe('kiosk');
  });

  it('enrols with this origin as "" and clears the code afterwards', async () => {
    const { form, enrol } = filled();
    form.server = `${origin}/`;
    expect(await form.submit()).toBe(device);
    expect(enrol).toHaveBeenCalledWith({ serverUrl: '', code: ' 123456 ', name: 'Stander 1', kind: 'kiosk' });
    expect(form.code).toBe('');
    expect(form.errors).toEqual([]);
  });

  it('enrols with another server and kind as typed', async () => {
    const { form, enrol } = filled();
    form.server = 'https://sync.kommune.example';
    form.kind = 'tablet';
    await form.submit();
    expect(enrol).toHaveBeenCalledWith(expect.objectContaining({ serverUrl: 'https://sync.kommune.example', kind: 'tablet' }));
  });

  it('names every missing or malformed field, in the order of the form, and sends nothing', async () => {
    const enrol = vi.fn(async () => device);
    const form = new SetupForm(origin, enrol);
    form.server = 'kommune.example';
    expect(await form.submit()).toBeUndefined();
    expect(form.errors).toEqual([
      { field: 'setup-server', key: 'setup:errors.serverInvalid' },
      { field: 'setup-code', key: 'setup:errors.codeRequired' },
      { field: 'setup-name', key: 'setup:errors.nameRequired' },
    ]);
    expect(form.errorFor('setup-code')?.key).toBe('setup:errors.codeRequired');
    expect(enrol).not.toHaveBeenCalled();
  });

  it.each([
    ['wrong_code', { field: 'setup-code', key: 'setup:errors.wrongCode' }],
    ['unreachable', { field: 'setup-server', key: 'setup:errors.unreachable' }],
    ['rate_limited', { key: 'setup:errors.rateLimited' }],
  ] as const)('shows the server’s %s where it belongs', async (code, expected) => {
    const { form } = filled(vi.fn(() => Promise.reject(new EnrolmentError(code, 'test'))));
    expect(await form.submit()).toBeUndefined();
    expect(form.errors).toEqual([expected]);
    expect(form.code).toBe(' 123456 ');
  });

  it('says plainly when the device cannot store the enrolment', async () => {
    const { form } = filled(vi.fn(() => Promise.reject(new StorageError('device.enrol', new DOMException('full', 'QuotaExceededError')))));
    await form.submit();
    expect(form.errors).toEqual([{ key: 'setup:errors.storage' }]);
  });

  it('offers the current enrolment’s server, name and kind for enrolling again', () => {
    const form = new SetupForm(origin);
    form.reset({ serverUrl: 'https://sync.example', name: 'Tablet 2', kind: 'tablet' });
    expect([form.server, form.name, form.kind]).toEqual(['https://sync.example', 'Tablet 2', 'tablet']);
    form.reset({ serverUrl: '', name: 'Stander', kind: 'kiosk' });
    expect(form.server).toBe(origin);
  });
});
