import { parseKek } from './crypto/key-encryption-key.ts';
import { openPrivateKey, sealPrivateKey } from './crypto/key-wrap.ts';
import type { Store } from './store/store.ts';

/**
 * `rotate-key-encryption-key`: seals every stored key again under a new KEK
 * (NEW_KEY_ENCRYPTION_KEY), in one transaction, after opening each with the current one. The data
 * sealed with those keys (submissions, notes) is not touched. Stop the servers first, and start them
 * with the new KEK: a server still holding the old one cannot open a key it loads later.
 */
export async function rotateKek(store: Store, current: Buffer, next: Buffer, actor = 'system:cli'): Promise<number> {
  const keys = await store.serverKeys();
  const sealed = keys.map((key) => ({ kid: key.kid, sealedPrivateKey: sealPrivateKey(next, key.kid, openPrivateKey(current, key.kid, key.sealedPrivateKey)) }));
  await store.resealServerKeys(sealed, new Date().toISOString(), actor);
  return sealed.length;
}

export async function rotateKekCommand(store: Store, current: Buffer): Promise<number> {
  const text = process.env.NEW_KEY_ENCRYPTION_KEY;
  if (!text) {
    console.error('Set NEW_KEY_ENCRYPTION_KEY to the new key (32 random bytes in base64, `openssl rand -base64 32`); the current one comes from KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE.');
    return 2;
  }
  const next = parseKek(text, 'NEW_KEY_ENCRYPTION_KEY');
  if (next.equals(current)) {
    console.error('NEW_KEY_ENCRYPTION_KEY is the current key; nothing changed.');
    return 1;
  }
  const count = await rotateKek(store, current, next);
  console.log(`Sealed ${count} keys under the new key-encryption key. Start the servers with it; keep the old one until every backup made before now has expired.`);
  return 0;
}
