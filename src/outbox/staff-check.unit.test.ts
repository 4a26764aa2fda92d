import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkStaffAccount } from './staff-check.ts';
import { clearOutboxDb, makeServerKeys, storeDevice, testDevice, type TestServerKeys } from './outbox.fixtures.ts';

let keys: TestServerKeys;
beforeAll(async () => {
  keys = await makeServerKeys();
});
afterEach(clearOutboxDb);

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const CREDENTIAL = 'c'.repeat(43);
const held = { credential: CREDENTIAL, username: 'mette', expiresAt: '2020-01-01T00:00:00.000Z' };

describe('the staff check at an online unlock', () => {
  it('sends the held credential (even an expired one) with the device token, and reads the answer', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet', token: 'device-token-1234567890', staffCredential: held }));
    const active = vi.fn(async (_url: string, _init?: RequestInit) => json(200, { username: 'mette', active: true }));
    expect(await checkStaffAccount('mette', active as unknown as typeof fetch)).toBe('active');
    expect(active.mock.calls[0]![0]).toBe('https://sync.example/api/v1/devices/staff-check');
    expect(active.mock.calls[0]![1]).toMatchObject({ method: 'POST', headers: { Authorization: 'Bearer device-token-1234567890' }, body: JSON.stringify({ credential: CREDENTIAL }) });
    const disabled = vi.fn(async () => json(403, { error: { code: 'account_disabled', message: 'This staff account has been deactivated.' } }));
    expect(await checkStaffAccount('mette', disabled as unknown as typeof fetch)).toBe('disabled');
  });

  it('cannot tell offline, on another answer, or without a credential for this person', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet', staffCredential: held }));
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await checkStaffAccount('mette', offline as unknown as typeof fetch)).toBe('unknown');
    expect(await checkStaffAccount('mette', vi.fn(async () => json(404, {})) as unknown as typeof fetch)).toBe('unknown');
    const never = vi.fn();
    expect(await checkStaffAccount('bo', never as unknown as typeof fetch)).toBe('unknown');
    expect(never).not.toHaveBeenCalled();
  });
});
