import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readDevice } from './device.ts';
import { adoptServerKey } from './server-key-update.ts';
import { clearOutboxDb, makeServerKeys, storeDevice, testDevice, type TestServerKeys } from './outbox.fixtures.ts';

let first: TestServerKeys;
let second: TestServerKeys;
beforeAll(async () => {
  first = await makeServerKeys('kid-1');
  second = await makeServerKeys('kid-2');
});
afterEach(clearOutboxDb);

describe('adoptServerKey', () => {
  it('keeps a rotated key for what is sealed next', async () => {
    await storeDevice(testDevice(first.serverKey));
    expect(await adoptServerKey(second.serverKey, 'token-1')).toBe(true);
    expect((await readDevice())!.serverKey.kid).toBe('kid-2');
    expect(await adoptServerKey(second.serverKey, 'token-1')).toBe(false);
  });

  it('ignores a key it cannot import, and an answer meant for an enrolment the device no longer has', async () => {
    await storeDevice(testDevice(first.serverKey));
    expect(await adoptServerKey({ kid: 'bad', jwk: { kty: 'EC', crv: 'P-256' } }, 'token-1')).toBe(false);
    expect(await adoptServerKey(second.serverKey, 'an-older-token')).toBe(false);
    expect((await readDevice())!.serverKey.kid).toBe('kid-1');
  });
});
