import { openPrivateKey } from './crypto/key-wrap.ts';
import { generateServerKey, RSA_ALGORITHM } from './crypto/server-key.ts';
import type { Store } from './store/store.ts';

/**
 * `rotate-server-key`: a new RSA key pair becomes the one devices seal for; the former keys stay in
 * the key list, sealed under the KEK, to open what was sealed for them (queued envelopes on
 * devices, stored submissions). Running servers notice within a few seconds
 * (DEFAULT_KEY_REFRESH_MS) and hand the new key to each device in their next answer.
 */
export async function rotateServerKey(store: Store, kek: Buffer, actor = 'system:cli'): Promise<{ kid: string; former: string | undefined }> {
  // A wrong KEK must change nothing: a key sealed under it would stop every server at its next start.
  for (const key of await store.serverKeys()) openPrivateKey(kek, key.kid, key.sealedPrivateKey);
  const former = await store.activeServerKey(RSA_ALGORITHM);
  const key = await generateServerKey(kek);
  await store.rotateServerKey(key, actor);
  return { kid: key.kid, former: former?.kid };
}

/** The command itself: opens nothing but what it is given, prints what changed (never key material). */
export async function rotateServerKeyCommand(store: Store, kek: Buffer): Promise<number> {
  const { kid, former } = await rotateServerKey(store, kek);
  const keys = await store.serverKeys();
  console.log(`New server key ${kid} is current${former ? `; ${former} is kept to open what was sealed for it` : ''}.`);
  console.log(`The database holds ${keys.filter((k) => k.algorithm === RSA_ALGORITHM).length} server keys. Running servers hand the new key to devices at their next contact.`);
  return 0;
}
