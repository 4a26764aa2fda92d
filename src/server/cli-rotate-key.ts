import { openPrivateKey } from './crypto/key-wrap.ts';
import { generateServerKey, RSA_ALGORITHM } from './crypto/server-key.ts';
import { ECDH_ALGORITHM, generateEcdhServerKey } from './crypto/server-key-ecdh.ts';
import type { Store } from './store/store.ts';

export interface Rotated { kid: string; former: string | undefined }

/**
 * `rotate-server-key`: a new RSA key pair and a new P-256 key pair become the ones devices seal
 * for; the former keys stay in the key list, sealed under the KEK, to open what was sealed for
 * them (queued envelopes on devices, stored submissions). Running servers notice within a few
 * seconds (DEFAULT_KEY_REFRESH_MS) and hand the new keys to each device in their next answer.
 */
export async function rotateServerKey(store: Store, kek: Buffer, actor = 'system:cli'): Promise<Rotated & { ecdh: Rotated }> {
  // A wrong KEK must change nothing: a key sealed under it would stop every server at its next start.
  for (const key of await store.serverKeys()) openPrivateKey(kek, key.kid, key.sealedPrivateKey);
  const former = await store.activeServerKey(RSA_ALGORITHM);
  const key = await generateServerKey(kek);
  await store.rotateServerKey(key, actor);
  const formerEc = await store.activeServerKey(ECDH_ALGORITHM);
  const ec = await generateEcdhServerKey(kek);
  await store.rotateServerKey(ec, actor);
  return { kid: key.kid, former: former?.kid, ecdh: { kid: ec.kid, former: formerEc?.kid } };
}

/** The command itself: opens nothing but what it is given, prints what changed (never key material). */
export async function rotateServerKeyCommand(store: Store, kek: Buffer): Promise<number> {
  const { kid, former, ecdh } = await rotateServerKey(store, kek);
  const keys = await store.serverKeys();
  const count = (algorithm: string) => keys.filter((k) => k.algorithm === algorithm).length;
  console.log(`New server key ${kid} is current${former ? `; ${former} is kept to open what was sealed for it` : ''}.`);
  console.log(`New EC server key ${ecdh.kid} is current${ecdh.former ? `; ${ecdh.former} is kept to open what was sealed for it` : ''}.`);
  console.log(`The database holds ${count(RSA_ALGORITHM)} RSA and ${count(ECDH_ALGORITHM)} EC server keys. Running servers hand the new keys to devices at their next contact.`);
  return 0;
}
