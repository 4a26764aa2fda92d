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

describe('adoptServerKey with the server EC key (the key-agreement envelope)', () => {
  const ecKey = async (kid: string) => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    return { kid, jwk: { kty, crv, x, y } };
  };

  it('keeps an EC key learnt beside an unchanged RSA key, and a rotated EC key', async () => {
    await storeDevice(testDevice(first.serverKey));
    const ec1 = await ecKey('ec-1');
    expect(await adoptServerKey({ ...first.serverKey, ecdh: ec1 }, 'token-1')).toBe(true);
    expect((await readDevice())!.serverKey).toEqual({ ...first.serverKey, ecdh: ec1 });
    expect(await adoptServerKey({ ...first.serverKey, ecdh: ec1 }, 'token-1')).toBe(false);
    const ec2 = await ecKey('ec-2');
    expect(await adoptServerKey({ ...first.serverKey, ecdh: ec2 }, 'token-1')).toBe(true);
    expect((await readDevice())!.serverKey.ecdh?.kid).toBe('ec-2');
  });

  it('leaves out an EC key it cannot import (not on P-256), and keeps sealing with RSA', async () => {
    await storeDevice(testDevice(first.serverKey));
    const bad = { kid: 'ec-bad', jwk: { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' } };
    expect(await adoptServerKey({ ...second.serverKey, ecdh: bad }, 'token-1')).toBe(true);
    expect((await readDevice())!.serverKey).toEqual(second.serverKey);
    const rsaOnly = { ...(await ecKey('ec-rsa')), jwk: second.serverKey.jwk };
    expect(await adoptServerKey({ ...second.serverKey, ecdh: rsaOnly }, 'token-1')).toBe(false);
  });
});
