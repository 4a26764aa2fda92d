import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { outboxDb } from './db.ts';
import { readDevice } from './device.ts';
import { extendStaffCredential, forgetStaffCredential, issueStaffCredential } from './staff-credential.ts';
import { submit } from './submit.ts';
import { TEST_TYPE, clearOutboxDb, makeServerKeys, registerTestRequestType, storeDevice, testDevice, type TestServerKeys } from './outbox.fixtures.ts';

let keys: TestServerKeys;
beforeAll(async () => {
  registerTestRequestType();
  keys = await makeServerKeys();
});
afterEach(clearOutboxDb);

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const CREDENTIAL = 'c'.repeat(43);

describe('staff credential on a tablet', () => {
  it('keeps the credential from the server and puts it beside the holder\'s work, not inside the sealed payload', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet', token: 'device-token-1234567890' }));
    const fetcher = vi.fn(async (_url: string, _init?: RequestInit) => json(201, { credential: CREDENTIAL, username: 'anna', expiresAt: '2099-01-01T00:00:00.000Z' }));
    expect((await issueStaffCredential(fetcher as unknown as typeof fetch)).outcome).toBe('saved');
    expect(fetcher.mock.calls[0]![1]).toMatchObject({ method: 'POST', headers: { Authorization: 'Bearer device-token-1234567890' } });
    expect((await readDevice())?.staffCredentials).toEqual({ anna: { credential: CREDENTIAL, username: 'anna', expiresAt: '2099-01-01T00:00:00.000Z' } });

    await submit({ type: TEST_TYPE, data: { note: 'x' }, assisted: true, assistedBy: 'anna' });
    await submit({ type: TEST_TYPE, data: { note: 'y' }, assisted: true, assistedBy: 'bo' });
    await submit({ type: TEST_TYPE, data: { note: 'z' } });
    const envelopes = (await outboxDb().outbox.orderBy('createdAt').toArray()).map((i) => i.envelope!);
    expect(envelopes.map((e) => e.staffCredential ?? null).sort()).toEqual([CREDENTIAL, null, null].sort());
  });

  it("keeps one credential per staff member on a shared tablet, and credits each person's work with their own", async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet' }));
    const BO_CREDENTIAL = 'b'.repeat(43);
    const answer = (credential: string, username: string) => vi.fn(async () => json(201, { credential, username, expiresAt: '2099-01-01T00:00:00.000Z' }));
    expect((await issueStaffCredential(answer(CREDENTIAL, 'anna') as unknown as typeof fetch)).outcome).toBe('saved');
    expect((await issueStaffCredential(answer(BO_CREDENTIAL, 'bo') as unknown as typeof fetch)).outcome).toBe('saved');

    await submit({ type: TEST_TYPE, data: { note: 'a' }, assisted: true, assistedBy: 'anna' }, { now: () => new Date('2026-11-23T10:00:00Z') });
    await submit({ type: TEST_TYPE, data: { note: 'b' }, assisted: true, assistedBy: 'bo' }, { now: () => new Date('2026-11-23T10:01:00Z') });
    await forgetStaffCredential('bo');
    expect(Object.keys((await readDevice())?.staffCredentials ?? {})).toEqual(['anna']);
    await submit({ type: TEST_TYPE, data: { note: 'c' }, assisted: true, assistedBy: 'bo' }, { now: () => new Date('2026-11-23T10:02:00Z') });

    const envelopes = (await outboxDb().outbox.orderBy('createdAt').toArray()).map((i) => i.envelope!);
    // Work queued before Bo signed out keeps his credential; after it, there is none to attach.
    expect(envelopes.map((e) => e.staffCredential ?? null)).toEqual([CREDENTIAL, BO_CREDENTIAL, null]);
  });

  it('still uses the one credential a tablet kept before shared use, for its holder only', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet', staffCredential: { credential: CREDENTIAL, username: 'anna', expiresAt: '2099-01-01T00:00:00.000Z' } }));
    await submit({ type: TEST_TYPE, data: { note: 'x' }, assisted: true, assistedBy: 'anna' });
    await submit({ type: TEST_TYPE, data: { note: 'y' }, assisted: true, assistedBy: 'bo' });
    const envelopes = (await outboxDb().outbox.toArray()).map((i) => i.envelope!);
    expect(envelopes.map((e) => e.staffCredential ?? null).sort()).toEqual([CREDENTIAL, null].sort());
    await forgetStaffCredential('anna');
    expect((await readDevice())?.staffCredential).toBeUndefined();
  });

  it('does not attach an expired credential', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet', staffCredential: { credential: CREDENTIAL, username: 'anna', expiresAt: '2020-01-01T00:00:00.000Z' } }));
    await submit({ type: TEST_TYPE, data: { note: 'x' }, assisted: true, assistedBy: 'anna' });
    expect((await outboxDb().outbox.toArray())[0]!.envelope!.staffCredential).toBeUndefined();
  });

  it('says when the server no longer knows the tablet, or the account is deactivated', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet' }));
    const revoked = vi.fn(async () => json(401, { error: { code: 'invalid_token', message: 'x' } }));
    expect((await issueStaffCredential(revoked as typeof fetch)).outcome).toBe('deviceRevoked');
    const disabled = vi.fn(async () => json(403, { error: { code: 'account_disabled', message: 'x' } }));
    expect((await issueStaffCredential(disabled as typeof fetch)).outcome).toBe('accountDisabled');
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await issueStaffCredential(offline as typeof fetch)).outcome).toBe('unavailable');
  });

  it('says when the tablet\'s token expired, and notes the refusal for the header and the outbox', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet' }));
    const expired = vi.fn(async () => json(401, { error: { code: 'token_expired', message: 'x' } }));
    expect((await issueStaffCredential(expired as typeof fetch)).outcome).toBe('deviceExpired');
    expect((await readDevice())?.sync?.refused).toBe('expired');
  });

  it('asks nothing on a kiosk', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'kiosk' }));
    const fetcher = vi.fn();
    expect((await issueStaffCredential(fetcher as typeof fetch)).outcome).toBe('notTablet');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('renews the credential it holds for a person with the secret given, keeps the new one and answers the next secret', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet', token: 'device-token-1234567890', staffCredentials: { anna: { credential: CREDENTIAL, username: 'anna', expiresAt: '2020-01-01T00:00:00.000Z' } } }));
    const NEW = 'n'.repeat(43);
    const fetcher = vi.fn(async (_url: string, _init?: RequestInit) => json(201, { credential: NEW, username: 'anna', expiresAt: '2099-01-01T00:00:00.000Z', renewalSecret: 's2'.repeat(20) }));
    expect(await extendStaffCredential('anna', 's1'.repeat(20), fetcher as unknown as typeof fetch)).toEqual({ outcome: 'saved', renewalSecret: 's2'.repeat(20) });
    expect(String(fetcher.mock.calls[0]![0])).toMatch(/\/api\/v1\/devices\/staff-credential\/renew$/);
    expect(JSON.parse(String(fetcher.mock.calls[0]![1]!.body))).toEqual({ credential: CREDENTIAL, renewalSecret: 's1'.repeat(20) });
    expect((await readDevice())?.staffCredentials?.anna).toEqual({ credential: NEW, username: 'anna', expiresAt: '2099-01-01T00:00:00.000Z' });
  });

  it('says sign in again when the server renews no more, or the tablet holds nothing to renew', async () => {
    await storeDevice(testDevice(keys.serverKey, { kind: 'tablet', staffCredentials: { anna: { credential: CREDENTIAL, username: 'anna', expiresAt: '2099-01-01T00:00:00.000Z' } } }));
    for (const code of ['sign_in_again', 'renewal_refused']) {
      const refused = vi.fn(async () => json(403, { error: { code, message: 'x' } }));
      expect((await extendStaffCredential('anna', 's'.repeat(43), refused as typeof fetch)).outcome).toBe('signInAgain');
    }
    const disabled = vi.fn(async () => json(403, { error: { code: 'account_disabled', message: 'x' } }));
    expect((await extendStaffCredential('anna', 's'.repeat(43), disabled as typeof fetch)).outcome).toBe('accountDisabled');
    const fetcher = vi.fn();
    expect((await extendStaffCredential('bo', 's'.repeat(43), fetcher as typeof fetch)).outcome).toBe('signInAgain');
    expect(fetcher).not.toHaveBeenCalled();
    // Nothing refused replaced what the tablet holds.
    expect((await readDevice())?.staffCredentials?.anna?.credential).toBe(CREDENTIAL);
  });
});
