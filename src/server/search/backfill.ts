import { decryptEnvelope } from '../crypto/open-envelope.ts';
import type { ServerKeyring } from '../crypto/server-key.ts';
import type { Store } from '../store/store.ts';
import type { BlindIndex } from './blind-index.ts';
import { searchTermsOf } from './search-terms.ts';

const BATCH = 200;

/**
 * Indexes the cases stored before the search index existed (or copied from another database),
 * decrypting each once. Runs at start, before the server listens, so a search never silently
 * misses an old case. A case that cannot be opened is marked indexed without digests (reading it
 * reports the damage); answers how many were indexed.
 */
export async function backfillSearchIndex(store: Store, keyring: ServerKeyring, index: BlindIndex): Promise<number> {
  let count = 0;
  for (;;) {
    const ids = await store.unindexedSubmissionIds(BATCH);
    if (ids.length === 0) return count;
    for (const id of ids) {
      const record = await store.submission(id);
      if (!record) continue;
      const key = await keyring.privateKey(record.envelope.kid);
      const opened = key ? await decryptEnvelope(record.envelope, key).catch(() => undefined) : undefined;
      await store.addSearchDigests(id, opened?.ok ? index.digestsOf(searchTermsOf(opened.payload)) : []);
      count++;
    }
  }
}
