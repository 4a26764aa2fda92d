import { timingSafeEqual, createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ItemResult } from '#contract/v1.ts';
import type { RequestTypeRegistry } from '#forms/registry.ts';
import type { AppEnv } from './app-env.ts';
import { deviceStates, fleetHealth, type FleetThresholds } from './fleet.ts';
import type { Store } from './store/store.ts';

/**
 * Prometheus metrics (prom-client). One registry per app, so that several servers in one process
 * (the tests) do not share counters. Labels are bounded: a route is its pattern (`/api/v1/staff/
 * submissions/:id`), never the raw path; a request type outside the registry counts as `other`.
 */
export interface Metrics {
  registry: Registry;
  /** Counts every request by route pattern and status; derives login outcomes and rate-limit refusals. */
  middleware: MiddlewareHandler<AppEnv>;
  ingested(items: readonly unknown[], results: readonly ItemResult[], seconds: number): void;
  decrypted(seconds: number): void;
}

const LOGIN_PATH = '/api/v1/staff/login';

function loginOutcome(status: number): string {
  if (status >= 200 && status < 300) return 'success';
  if (status === 401) return 'invalid_credentials';
  if (status === 403) return 'refused';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'error' : 'bad_request';
}

export function createMetrics(store: Store, thresholds: FleetThresholds, requestTypes: RequestTypeRegistry, options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  // Node's own metrics (CPU, memory, event loop lag, GC) start monitors that run for the life of the
  // process: only when /metrics is on.
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'kiosk_http_requests_total', help: 'HTTP requests by route pattern, method and status', labelNames: ['route', 'method', 'status'], registers: [registry] });
  const ingestItems = new Counter({ name: 'kiosk_ingest_items_total', help: 'Envelopes ingested, by outcome and request type', labelNames: ['status', 'type'], registers: [registry] });
  const ingestSeconds = new Histogram({
    name: 'kiosk_ingest_request_seconds',
    help: 'Time to ingest one POST /api/v1/submissions batch (after parsing)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const decryptSeconds = new Histogram({
    name: 'kiosk_decrypt_seconds',
    help: 'Time to unwrap, decrypt and validate one envelope',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const logins = new Counter({ name: 'kiosk_staff_logins_total', help: 'Staff login attempts by outcome', labelNames: ['outcome'], registers: [registry] });
  const refusals = new Counter({ name: 'kiosk_rate_limit_refusals_total', help: 'Requests refused with 429, by route pattern', labelNames: ['route'], registers: [registry] });

  // Fleet gauges are read from the database at scrape time, so every process behind a load
  // balancer reports the same fleet; the gauges of one scrape (collected together) share one read.
  let fleet: ReturnType<typeof fleetHealth> | undefined;
  const readFleet = () =>
    (fleet ??= fleetHealth(store, new Date(), thresholds).finally(() => {
      fleet = undefined;
    }));
  new Gauge({
    name: 'kiosk_devices',
    help: 'Enrolled devices by state (the most urgent flag; see the admin devices screen)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const devices = await readFleet();
      for (const state of deviceStates) this.set({ state }, devices.filter((d) => d.state === state).length);
    },
  });
  new Gauge({
    name: 'kiosk_device_oldest_unacknowledged_seconds',
    help: 'Age of the oldest submission still waiting on any active device, as last reported (0 when none waits)',
    registers: [registry],
    async collect() {
      const now = Date.now();
      const oldest = (await readFleet()).filter((d) => !d.revokedAt && d.oldestQueuedAt).map((d) => now - Date.parse(d.oldestQueuedAt!));
      this.set(oldest.length ? Math.max(0, ...oldest) / 1000 : 0);
    },
  });
  new Gauge({
    name: 'kiosk_device_queued_items',
    help: 'Submissions waiting on active devices, as last reported',
    registers: [registry],
    async collect() {
      this.set((await readFleet()).filter((d) => !d.revokedAt).reduce((sum, d) => sum + (d.report?.queued ?? 0), 0));
    },
  });

  const knownType = (item: unknown): string => {
    const type = (item as { type?: unknown } | null)?.type;
    return typeof type === 'string' && requestTypes.get(type) !== undefined ? type : 'other';
  };

  return {
    registry,
    middleware: async (c, next) => {
      await next();
      const route = routeOf(c);
      const status = c.res.status;
      requests.inc({ route, method: c.req.method, status: String(status) });
      if (status === 429) refusals.inc({ route });
      if (c.req.method === 'POST' && route === LOGIN_PATH) logins.inc({ outcome: loginOutcome(status) });
    },
    ingested(items, results, seconds) {
      ingestSeconds.observe(seconds);
      results.forEach((r, i) => ingestItems.inc({ status: r.status, type: knownType(items[i]) }));
    },
    decrypted(seconds) {
      decryptSeconds.observe(seconds);
    },
  };
}

/** The pattern of the route that answered; `*` for static files and unknown paths. */
function routeOf(c: Context<AppEnv>): string {
  try {
    return routePath(c) || '*';
  } catch {
    return '*';
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * GET /metrics, only with `Authorization: Bearer $METRICS_TOKEN`. Without a configured token the
 * endpoint does not exist (404), so the app's HTML is never served in its place.
 */
export function metricsHandler(metrics: Metrics, token: string | undefined) {
  return async (c: Context<AppEnv>) => {
    if (!token) return c.json({ error: { code: 'not_found', message: 'Metrics are off: set METRICS_TOKEN to turn them on.' } }, 404);
    const sent = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    // Compared as digests, so that the time taken says nothing about the token's length or prefix.
    if (!timingSafeEqual(digest(sent), digest(token))) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.json({ error: { code: 'unauthorized', message: 'Send Authorization: Bearer <METRICS_TOKEN>.' } }, 401);
    }
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  };
}
