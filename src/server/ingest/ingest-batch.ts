import type { Envelope, FieldError, ItemResult } from '../../contract/v1.ts';
import { openEnvelope } from '../crypto/open-envelope.ts';
import type { ServerKeyring } from '../crypto/server-key.ts';
import type { Store } from '../store/store.ts';
import { parseEnvelope } from './parse-envelope.ts';

export interface IngestContext {
  store: Store;
  keyring: ServerKeyring;
  deviceId: string;
}

/** What can be decided about an envelope before storing it. */
type Verdict = { kind: 'known'; status: 'duplicate' | 'conflict' } | { kind: 'invalid'; errors: FieldError[] } | { kind: 'storable' };

async function judge(ctx: IngestContext, envelope: Envelope, contentHash: string): Promise<Verdict> {
  // A resend after a lost acknowledgement is the common case: answer it without decrypting.
  const known = await ctx.store.existingOutcome(envelope.id, envelope.reference, contentHash);
  if (known) return { kind: 'known', status: known };
  const key = await ctx.keyring.privateKey(envelope.kid);
  if (!key) return { kind: 'invalid', errors: [{ path: 'kid', code: 'unknown_kid' }] };
  const opened = await openEnvelope(envelope, key);
  return opened.ok ? { kind: 'storable' } : { kind: 'invalid', errors: opened.errors };
}

/**
 * Ingests one batch: one result per item, in request order. All items are judged at once (WebCrypto
 * runs off the main thread) and identical envelopes only once; storing runs item by
 * item, each in its own transaction, so of 100 copies of one envelope the first is `stored` and the
 * rest `duplicate`, and a failure of one item leaves the others' answers intact.
 */
export async function ingestBatch(items: readonly unknown[], ctx: IngestContext): Promise<ItemResult[]> {
  const parsed = items.map(parseEnvelope);
  const byHash = new Map<string, Promise<Verdict>>();
  const verdicts = parsed.map((p) => {
    if (!p.ok) return undefined;
    let verdict = byHash.get(p.contentHash);
    if (!verdict) {
      verdict = judge(ctx, p.envelope, p.contentHash);
      // Awaited in order below; this keeps a later item's failure from being "unhandled" meanwhile.
      verdict.catch(() => undefined);
      byHash.set(p.contentHash, verdict);
    }
    return verdict;
  });

  const results: ItemResult[] = [];
  for (const [i, p] of parsed.entries()) {
    if (!p.ok) {
      results.push({ id: p.id, status: 'invalid', reference: p.reference, errors: p.errors });
      continue;
    }
    const { id, reference } = p.envelope;
    const verdict = await verdicts[i]!;
    if (verdict.kind === 'known') results.push({ id, status: verdict.status, reference });
    else if (verdict.kind === 'invalid') results.push({ id, status: 'invalid', reference, errors: verdict.errors });
    else {
      const status = await ctx.store.insertSubmission({
        envelope: p.envelope,
        contentHash: p.contentHash,
        deviceId: ctx.deviceId,
        receivedAt: new Date().toISOString(),
      });
      results.push({ id, status, reference });
    }
  }
  return results;
}
