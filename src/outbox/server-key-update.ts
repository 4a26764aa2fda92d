import * as v from 'valibot';
import type { ServerKey } from '#contract/v1.ts';
import { withStorage } from './db.ts';
import { importServerKey } from './envelope.ts';
import { importServerEcdhKey } from './envelope-ecdh.ts';
import { DEVICE_KEY } from './records.ts';

/**
 * After a key rotation the server names its current key in each submissions answer. The device
 * keeps it, so that what is submitted next is sealed for it; envelopes already queued keep the
 * kid they were sealed with, and the server still opens them with the former key.
 */
const publicKeySchema = v.object({
  kid: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  jwk: v.looseObject({ kty: v.string() }),
});
/** The RSA key, and (added) the EC key for the key-agreement envelope when the server has one. */
export const serverKeySchema = v.object({
  ...publicKeySchema.entries,
  ecdh: v.optional(publicKeySchema),
});

/**
 * The key as the device keeps it: the RSA key must import (or the whole key is refused); an EC key
 * that does not import is left out, so the device goes on sealing with RSA, which the server opens.
 */
export async function usableServerKey(serverKey: ServerKey): Promise<ServerKey> {
  await importServerKey(serverKey);
  const rsa: ServerKey = { kid: serverKey.kid, jwk: serverKey.jwk };
  if (!serverKey.ecdh) return rsa;
  try {
    await importServerEcdhKey(serverKey.ecdh);
  } catch {
    return rsa;
  }
  return { ...rsa, ecdh: { kid: serverKey.ecdh.kid, jwk: serverKey.ecdh.jwk } };
}

/**
 * Stores `serverKey` as the device's key when it differs from the stored one and the enrolment
 * is still the one that asked (`token`). A key the device cannot import is ignored: the device
 * keeps sealing for the key it has, which the server still opens. Answers whether it changed.
 */
export async function adoptServerKey(serverKey: ServerKey, token: string): Promise<boolean> {
  let usable: ServerKey;
  try {
    usable = await usableServerKey(serverKey);
  } catch {
    return false;
  }
  return withStorage('outbox.server-key', (db) =>
    db.transaction('rw', db.device, async () => {
      const device = await db.device.get(DEVICE_KEY);
      if (!device || device.token !== token || sameKeys(device.serverKey, usable)) return false;
      await db.device.put({ ...device, serverKey: usable }, DEVICE_KEY);
      return true;
    }),
  );
}

/** The same RSA key and the same EC key (or none): a key learnt or rotated on either side is adopted. */
export function sameKeys(a: ServerKey, b: ServerKey): boolean {
  return a.kid === b.kid && a.ecdh?.kid === b.ecdh?.kid;
}
