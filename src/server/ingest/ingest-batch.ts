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
 * runs off the main thread, on as many cores as the keyring has key copies) and identical envelopes
 * only once; then every storable item goes into ONE transaction (group commit: one fsync per
 * request instead of one per envelope). Inside it each item still gets its own outcome, so of 100
 * copies of one envelope the first is `stored` and the rest `duplicate`; if the transaction fails,
 * nothing of the request is stored and the route answers 500 (the device sends it again).
 */
export async function ingestBatch(items: readonly unknown[], ctx: IngestContext): Promise<ItemResult[]> {
  const parsed = items.map(parseEnvelope);
  const byHash = new Map<string, Promise<Verdict>>();
  const pending = parsed.map((p) => {
    if (!p.ok) return undefined;
    let verdict = byHash.get(p.contentHash);
    if (!verdict) {
      verdict = judge(ctx, p.envelope, p.contentHash);
      byHash.set(p.contentHash, verdict);
    }
    return verdict;
  });
  const verdicts = await Promise.all(pending);

  const receivedAt = new Date().toISOString();
  const storable = parsed.flatMap((p, i) =>
    p.ok && verdicts[i]!.kind === 'storable' ? [{ envelope: p.envelope, contentHash: p.contentHash, deviceId: ctx.deviceId, receivedAt }] : [],
  );
  const outcomes = (storable.length > 0 ? await ctx.store.insertSubmissions(storable) : []).values();

  return parsed.map((p, i): ItemResult => {
    if (!p.ok) return { id: p.id, status: 'invalid', reference: p.reference, errors: p.errors };
    const { id, reference } = p.envelope;
    const verdict = verdicts[i]!;
    if (verdict.kind === 'known') return { id, status: verdict.status, reference };
    if (verdict.kind === 'invalid') return { id, status: 'invalid', reference, errors: verdict.errors };
    return { id, status: outcomes.next().value!, reference };
  });
}
