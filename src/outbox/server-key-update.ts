import * as v from 'valibot';
import type { ServerKey } from '#contract/v1.ts';
import { withStorage } from './db.ts';
import { importServerKey } from './envelope.ts';
import { DEVICE_KEY } from './records.ts';

/**
 * After a key rotation the server names its current key in each submissions answer. The device
 * keeps it, so that what is submitted next is sealed for it; envelopes already queued keep the
 * kid they were sealed with, and the server still opens them with the former key.
 */
export const serverKeySchema = v.object({
  kid: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  jwk: v.looseObject({ kty: v.string() }),
});

/**
 * Stores `serverKey` as the device's key when it differs from the stored one and the enrolment
 * is still the one that asked (`token`). A key the device cannot import is ignored: the device
 * keeps sealing for the key it has, which the server still opens. Answers whether it changed.
 */
export async function adoptServerKey(serverKey: ServerKey, token: string): Promise<boolean> {
  try {
    await importServerKey(serverKey);
  } catch {
    return false;
  }
  return withStorage('outbox.server-key', (db) =>
    db.transaction('rw', db.device, async () => {
      const device = await db.device.get(DEVICE_KEY);
      if (!device || device.token !== token || device.serverKey.kid === serverKey.kid) return false;
      await db.device.put({ ...device, serverKey: { kid: serverKey.kid, jwk: serverKey.jwk } }, DEVICE_KEY);
      return true;
    }),
  );
}
