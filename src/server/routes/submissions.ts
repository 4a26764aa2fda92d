import { Hono } from 'hono';
import { MAX_BODY_BYTES, submissionBatchSchema, type BatchResponse } from '#contract/v1.ts';
import type { RequestTypeRegistry } from '#forms/registry.ts';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth, deviceRateLimit } from '../auth/device-auth.ts';
import type { ServerKeyring } from '../crypto/server-key.ts';
import { limitBody, readJsonBody } from '../http/json-body.ts';
import { ingestBatch, type IngestContext } from '../ingest/ingest-batch.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import type { Store } from '../store/store.ts';
import type { Metrics } from '../metrics.ts';

export interface SubmissionRouteDeps {
  store: Store;
  keyring: ServerKeyring;
  registry: RequestTypeRegistry;
  deviceBuckets: TokenBuckets;
  metrics?: Pick<Metrics, 'ingested' | 'decrypted'>;
  /** Books (or proposes another time for) book-time requests that arrive without a booking (bookings/offline-bookings.ts). */
  onStoredBookings?: IngestContext['onStoredBookings'];
}

/**
 * POST /api/v1/submissions: a device uploads up to 100 envelopes. The checks run cheapest first:
 * token (401), rate (429), size (413), JSON and batch shape (400); then every envelope gets its own
 * answer (200), so one bad item never blocks the others.
 */
export function submissionRoutes({ store, keyring, registry, deviceBuckets, metrics, onStoredBookings }: SubmissionRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/', deviceAuth(store), deviceRateLimit(deviceBuckets), limitBody(MAX_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, submissionBatchSchema);
    if (body instanceof Response) return body;
    const started = performance.now();
    const results = await ingestBatch(body.submissions, { store, keyring, registry, deviceId: c.var.device!.id, deviceKind: c.var.device!.kind, onDecrypted: metrics?.decrypted, onStoredBookings });
    metrics?.ingested(body.submissions, results, (performance.now() - started) / 1000);
    // The current key, so that devices learn a rotated key at their next contact.
    const response: BatchResponse = { results, serverKey: await keyring.current() };
    return c.json(response);
  });
  return app;
}
