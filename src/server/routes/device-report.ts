import { Hono } from 'hono';
import { deviceReportSchema } from '#contract/device-report.ts';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth, deviceRateLimit } from '../auth/device-auth.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import type { Store } from '../store/store.ts';

/**
 * POST /api/v1/devices/report: a device's state after each sync run (src/contract/device-report.ts).
 * 204; the report replaces the device's previous one and marks it seen now (by the server's clock).
 * Unknown fields are refused (400), so nothing but counts and sizes can be stored through here.
 */
export function deviceReportRoutes(store: Store, buckets: TokenBuckets): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/report', deviceAuth(store), deviceRateLimit(buckets), limitBody(SMALL_BODY_BYTES), async (c) => {
    const report = await readJsonBody(c, deviceReportSchema);
    if (report instanceof Response) return report;
    await store.saveDeviceReport(c.var.device!.id, new Date().toISOString(), report);
    return c.body(null, 204);
  });
  return app;
}
