import type { Envelope, FieldError, ItemResult } from '#contract/v1.ts';
import type { RequestTypeRegistry } from '#forms/registry.ts';
import { openEnvelope } from '../crypto/open-envelope.ts';
import type { ServerKeyring } from '../crypto/server-key.ts';
import type { AssistedMetadata } from '../assisted.ts';
import type { Store } from '../store/store.ts';
import { parseEnvelope } from './parse-envelope.ts';
import { searchTermsOf, type SearchTerms } from '../search/search-terms.ts';
import { witnessCprOf } from '../casework/witness-index.ts';
import { deviceKindError, type SendingDeviceKind } from '#forms/device-kinds.ts';
import { attributeStaffWork } from './staff-attribution.ts';

export interface IngestContext {
  store: Store;
  keyring: ServerKeyring;
  /** The request types and schemas payloads are validated with. */
  registry: RequestTypeRegistry;
  deviceId: string;
  /** The sending device's kind: the registry says which request types each kind may send. */
  deviceKind: SendingDeviceKind;
  /** Seconds one envelope took to unwrap, decrypt and validate (the metrics' histogram). */
  onDecrypted?: (seconds: number) => void;
  /** Called after the transaction with the newly stored book-time requests and the slot each asked for. */
  onStoredBookings?: (deviceId: string, wanted: { reference: string; slot: string }[]) => Promise<void>;
}

/** What can be decided about an envelope before storing it. */
type Verdict = { kind: 'known'; status: 'duplicate' | 'conflict' } | { kind: 'invalid'; errors: FieldError[] } | { kind: 'storable'; assisted: AssistedMetadata; search: SearchTerms; witnessCpr?: string; bookedSlot?: string };

/** The slot a book-time request asks for, to book it on the server when the kiosk could not. */
const bookedSlotOf = (payload: { type: string; data: Record<string, unknown> }) =>
  payload.type === 'book-time' && typeof payload.data.time === 'string' ? payload.data.time : undefined;

/** Decrypts and validates an envelope that is not stored yet. */
async function judgeNew(ctx: IngestContext, envelope: Envelope): Promise<Verdict> {
  const key = await ctx.keyring.privateKey(envelope.kid);
  if (!key) return { kind: 'invalid', errors: [{ path: 'kid', code: 'unknown_kid' }] };
  const started = performance.now();
  const opened = await openEnvelope(envelope, key, ctx.registry);
  ctx.onDecrypted?.((performance.now() - started) / 1000);
  if (!opened.ok) return { kind: 'invalid', errors: opened.errors };
  const refused = deviceKindError(ctx.deviceKind, opened.payload);
  if (refused) return { kind: 'invalid', errors: [refused] };
  const attribution = await attributeStaffWork(envelope, opened.payload, ctx.deviceId, (hash) => ctx.store.staffCredentialByHash(hash));
  if (!attribution.ok) {
    await ctx.store.appendAudit({
      at: new Date().toISOString(),
      actor: `device:${ctx.deviceId}`,
      action: 'refuse_staff_work',
      target: ctx.deviceId,
      detail: { reference: envelope.reference, type: envelope.type, code: attribution.error.code },
    });
    return { kind: 'invalid', errors: [attribution.error] };
  }
  return { kind: 'storable', assisted: attribution.assisted, search: searchTermsOf(opened.payload), witnessCpr: witnessCprOf(opened.payload), bookedSlot: bookedSlotOf(opened.payload) };
}

/** One verdict per distinct envelope (by content hash), with one look-up for the whole batch. */
async function judgeAll(ctx: IngestContext, unique: ReadonlyMap<string, Envelope>): Promise<Map<string, Verdict>> {
  const entries = [...unique];
  // A resend after a lost acknowledgement is the common case: answer it without decrypting.
  const known = await ctx.store.existingOutcomes(entries.map(([contentHash, e]) => ({ id: e.id, reference: e.reference, contentHash, deviceId: ctx.deviceId })));
  const verdicts = await Promise.all(
    entries.map(([, envelope], i): Promise<Verdict> | Verdict => (known[i] ? { kind: 'known', status: known[i] } : judgeNew(ctx, envelope))),
  );
  return new Map(entries.map(([contentHash], i) => [contentHash, verdicts[i]!]));
}

/**
 * Ingests one batch: one result per item, in request order. One look-up finds what is stored
 * already; all other items are decrypted at once (WebCrypto runs off the main thread, on as many cores as the keyring has key copies) and identical envelopes
 * only once; then every storable item goes into ONE transaction (group commit: one fsync per
 * request instead of one per envelope). Inside it each item still gets its own outcome, so of 100
 * copies of one envelope the first is `stored` and the rest `duplicate`; if the transaction fails,
 * nothing of the request is stored and the route answers 500 (the device sends it again).
 */
export async function ingestBatch(items: readonly unknown[], ctx: IngestContext): Promise<ItemResult[]> {
  const parsed = items.map(parseEnvelope);
  const unique = new Map<string, Envelope>();
  for (const p of parsed) if (p.ok && !unique.has(p.contentHash)) unique.set(p.contentHash, p.envelope);
  const byHash = await judgeAll(ctx, unique);
  const verdicts = parsed.map((p) => (p.ok ? byHash.get(p.contentHash) : undefined));

  const receivedAt = new Date().toISOString();
  const storable = parsed.flatMap((p, i) => {
    const verdict = verdicts[i];
    return p.ok && verdict?.kind === 'storable'
      ? [{ envelope: p.envelope, contentHash: p.contentHash, deviceId: ctx.deviceId, receivedAt, assisted: verdict.assisted, searchTerms: verdict.search, witnessCpr: verdict.witnessCpr }]
      : [];
  });
  const outcomes = (storable.length > 0 ? await ctx.store.insertSubmissions(storable) : []).values();

  const results = parsed.map((p, i): ItemResult => {
    if (!p.ok) return { id: p.id, status: 'invalid', reference: p.reference, errors: p.errors };
    const { id, reference } = p.envelope;
    const verdict = verdicts[i]!;
    if (verdict.kind === 'known') return { id, status: verdict.status, reference };
    if (verdict.kind === 'invalid') return { id, status: 'invalid', reference, errors: verdict.errors };
    return { id, status: outcomes.next().value!, reference };
  });
  const wanted = results.flatMap((r, i) => {
    const verdict = verdicts[i];
    return r.status === 'stored' && verdict?.kind === 'storable' && verdict.bookedSlot ? [{ reference: r.reference, slot: verdict.bookedSlot }] : [];
  });
  if (wanted.length > 0) await ctx.onStoredBookings?.(ctx.deviceId, wanted);
  return results;
}
