import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearOutboxDb, everyStoredString, makeServerKeys, storeDevice, testDevice } from '#outbox/outbox.fixtures.ts';
import { changePin } from './change-pin.ts';
import { STAFF_DB_NAME, closeStaffDb, staffDb } from './db.ts';
import { VaultLockedError } from './errors.ts';
import { TEST_ITERATIONS } from './vault.fixtures.ts';
import { createProfile, unlock } from './vault.ts';

const PIN = '482916';
const SECRET = 'RENEWAL-SECRET-7f3k9q2m4x8w1z5v6b0n';
const options = { iterations: TEST_ITERATIONS };

beforeAll(async () => {
  const keys = await makeServerKeys();
  beforeEach(() => storeDevice(testDevice(keys.serverKey, { kind: 'tablet' })));
});
afterEach(async () => {
  await staffDb().delete();
  closeStaffDb();
  await clearOutboxDb();
});

async function opened(pin = PIN) {
  const result = await unlock('anna', pin, options);
  if (!result.ok) throw new Error('the PIN did not open the vault');
  return result.vault;
}

describe('the renewal secret under the PIN', () => {
  it('is kept at the sign-in, opens only with the PIN, and is nowhere in storage in the clear', async () => {
    const vault = await createProfile({ username: 'anna', role: 'caseworker', renewalSecret: SECRET }, PIN, options);
    expect(await vault.renewalSecret()).toBe(SECRET);
    vault.lock();
    expect(() => vault.renewalSecret()).toThrow(VaultLockedError);
    expect((await everyStoredString(STAFF_DB_NAME)).join('\n')).not.toContain(SECRET);
    expect(await (await opened()).renewalSecret()).toBe(SECRET);
  });

  it('is replaced by the next one, and survives a new PIN', async () => {
    const vault = await createProfile({ username: 'anna', role: 'caseworker', renewalSecret: SECRET }, PIN, options);
    await vault.keepRenewalSecret('the next secret');
    expect(await changePin('anna', PIN, '739184', options)).toEqual({ ok: true });
    expect(await (await opened('739184')).renewalSecret()).toBe('the next secret');
  });

  it('is absent for a profile made without one, and goes with the profile', async () => {
    const vault = await createProfile({ username: 'anna', role: 'caseworker' }, PIN, options);
    expect(await vault.renewalSecret()).toBeUndefined();
    await vault.keepRenewalSecret(SECRET);
    await vault.signOut();
    expect(await staffDb().profiles.get('anna')).toBeUndefined();
  });
});
