import { Hono } from 'hono';
import type { MunicipalityConfig } from '#config/schema.ts';
import type { RequestTypeRegistry } from '#forms/registry.ts';
import type { AppEnv } from './app-env.ts';
import type { HashGate } from './auth/hash-gate.ts';
import { staffAuth, type CookiePolicy } from './auth/sessions.ts';
import type { ServerKeyring } from './crypto/server-key.ts';
import { clientAddress } from './http/client-ip.ts';
import { closeUnreadBody } from './http/close-unread-body.ts';
import { apiError } from './http/errors.ts';
import { sameOriginJson, type OriginPolicy } from './http/same-origin.ts';
import { securityHeaders } from './http/security-headers.ts';
import { staticFiles } from './http/static.ts';
import { requestLog, type Log } from './log.ts';
import { TokenBuckets, type Limits } from './rate-limit.ts';
import { deviceRoutes } from './routes/devices.ts';
import { deviceTokenRoutes, type DeviceTokenSettings } from './routes/device-token.ts';
import { staffCheckRoutes } from './routes/staff-check.ts';
import { DEFAULT_DEVICE_TOKEN_DAYS, DEFAULT_TOKEN_OVERLAP_MS } from './store/devices/device-tokens.ts';
import { staffCredentialRoutes } from './routes/staff-credential.ts';
import { staffAuthRoutes } from './routes/staff-auth.ts';
import { staffAuditRoutes } from './routes/staff-audit.ts';
import { staffDeviceRoutes } from './routes/staff-devices.ts';
import { staffEnrolmentCodeRoutes } from './routes/staff-enrolment-codes.ts';
import { staffSubmissionRoutes } from './routes/staff-submissions.ts';
import { staffCaseworkRoutes } from './routes/staff-casework.ts';
import { staffUserRoutes } from './routes/staff-users.ts';
import { submissionRoutes } from './routes/submissions.ts';
import type { Store } from './store/store.ts';
import { DEFAULT_FLEET_THRESHOLDS, type FleetThresholds } from './fleet.ts';
import { healthRoutes } from './health.ts';
import { createMetrics, metricsHandler, type Metrics } from './metrics.ts';
import { deviceReportRoutes } from './routes/device-report.ts';
import { deviceEventRoutes } from './routes/device-events.ts';
import { StaffEventHub } from './counter/staff-event-hub.ts';
import { deviceHelpCallRoutes, staffHelpCallRoutes } from './routes/help-calls.ts';
import { deviceQueueRoutes, staffQueueRoutes } from './routes/queue.ts';
import { staffEventRoutes } from './routes/staff-events.ts';
import { caseAccess } from './auth/case-access.ts';
import type { OidcClient } from './auth/oidc-client.ts';
import { staffSsoRoutes } from './routes/staff-sso.ts';
import { openApiDocument } from './openapi/openapi.ts';
import type { SecondFactors } from './auth/second-factor.ts';
import { staffTotpRoutes } from './routes/staff-totp.ts';
import { staffAccountRoutes } from './routes/staff-account.ts';
import { deviceBookingRoutes, staffBookingRoutes } from './routes/bookings.ts';
import { offlineBookings } from './bookings/offline-bookings.ts';

export interface AppDeps {
  store: Store;
  /** Staff accounts' TOTP second factor (auth/second-factor.ts). */
  secondFactors: SecondFactors;
  keyring: ServerKeyring;
  /** The request types devices may send, with the schemas their payloads are validated by (request-types.ts). */
  registry: RequestTypeRegistry;
  config: MunicipalityConfig;
  /** Id of the enrolment code made from ENROLLMENT_CODE, so that its enrolments are audited as `env_code`. */
  envCodeId?: string;
  limits: Limits;
  distDir: string;
  log: Log;
  hashGate: HashGate;
  cookie: CookiePolicy;
  origin: OriginPolicy;
  /** Bearer token for GET /metrics; unset: /metrics answers 404. */
  metricsToken?: string;
  metrics?: Metrics;
  fleet?: FleetThresholds;
  /** Live events for the back office (help calls, queue); one is made when not given. */
  events?: StaffEventHub;
  /** True once shutdown began (readiness answers 503). */
  draining?: () => boolean;
  /** OIDC_*: sign-in through the organisation's identity provider; unset: local accounts only. */
  oidc?: OidcClient;
  /** SEPARATE_ADMIN_DUTIES: admins cannot read citizens' cases. */
  separateAdminDuties?: boolean;
  /** DEVICE_TOKEN_DAYS and the overlap of a replaced token; defaults 90 days and one hour. */
  deviceTokens?: Partial<DeviceTokenSettings>;
}

/** The whole HTTP surface: API routes first, then the built PWA with its SPA fallback. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { store, keyring, config, envCodeId, limits, distDir, log, hashGate, cookie, origin } = deps;
  const app = new Hono<AppEnv>();
  app.use('*', clientAddress(origin.trustProxy));
  const fleet = deps.fleet ?? DEFAULT_FLEET_THRESHOLDS;
  const metrics = deps.metrics ?? createMetrics(store, fleet, deps.registry, { processMetrics: !!deps.metricsToken });
  app.use('*', requestLog(log));
  app.use('*', metrics.middleware);
  app.use('*', securityHeaders());
  app.use('/api/*', closeUnreadBody);
  // Nothing the API answers belongs in a cache: device tokens, citizens' answers, staff lists.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use('/api/v1/staff/*', sameOriginJson(origin));

  app.route('/api/health', healthRoutes({ store, keyring, log, draining: deps.draining ?? (() => false) }));
  app.get('/metrics', metricsHandler(metrics, deps.metricsToken));
  // Validated at start-up; no-cache so that a changed file reaches kiosks on their next start.
  // For the municipality's integrators: every route, generated from the shared schemas.
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/config.json', (c) => c.json(config, 200, { 'Cache-Control': 'no-cache' }));

  const deviceTokens = { days: DEFAULT_DEVICE_TOKEN_DAYS, overlapMs: DEFAULT_TOKEN_OVERLAP_MS, ...deps.deviceTokens };
  app.route('/api/v1/devices', deviceRoutes({ store, keyring, envCodeId, limits, tokenDays: deviceTokens.days }));
  app.route('/api/v1/devices', deviceTokenRoutes(store, new TokenBuckets(limits.deviceRequestsPerSecond, limits.deviceBurst), deviceTokens));
  app.route('/api/v1/devices', staffCheckRoutes(store, new TokenBuckets(limits.deviceRequestsPerSecond, limits.deviceBurst)));
  app.route('/api/v1/devices', deviceReportRoutes(store, new TokenBuckets(limits.deviceRequestsPerSecond, limits.deviceBurst)));
  app.route('/api/v1/devices', deviceEventRoutes(store, new TokenBuckets(limits.deviceRequestsPerSecond, limits.deviceBurst)));
  app.route('/api/v1/submissions', submissionRoutes({ store, keyring, registry: deps.registry, deviceBuckets: new TokenBuckets(limits.deviceRequestsPerSecond, limits.deviceBurst), metrics, onStoredBookings: offlineBookings(store, config, log) }));
  const auth = staffAuth(store, cookie);
  app.route('/api/v1/devices', staffCredentialRoutes(store, auth, new TokenBuckets(limits.deviceRequestsPerSecond, limits.deviceBurst)));
  app.route('/api/v1/staff', staffAuthRoutes({ store, auth, limits, hashGate, cookie, secondFactors: deps.secondFactors }));
  app.route('/api/v1/staff', staffTotpRoutes(auth, deps.secondFactors));
  app.route('/api/v1/staff', staffAccountRoutes(store, auth));
  app.route('/api/v1/staff', staffSsoRoutes({ store, cookie, oidc: deps.oidc, separateAdminDuties: deps.separateAdminDuties }));
  app.route('/api/v1/staff', staffSubmissionRoutes({ store, keyring, auth: caseAccess(auth, !!deps.separateAdminDuties) }));
  app.route('/api/v1/staff', staffCaseworkRoutes({ store, auth: caseAccess(auth, !!deps.separateAdminDuties) }));
  app.route('/api/v1/staff', staffDeviceRoutes(store, auth, fleet));
  app.route('/api/v1/staff', staffUserRoutes(store, auth));
  app.route('/api/v1/staff', staffEnrolmentCodeRoutes(store, auth));
  app.route('/api/v1/staff', staffAuditRoutes(store, auth));
  const events = deps.events ?? new StaffEventHub();
  const counterBuckets = new TokenBuckets(limits.deviceRequestsPerSecond, limits.deviceBurst);
  app.route('/api/v1/devices', deviceHelpCallRoutes(store, counterBuckets, events));
  app.route('/api/v1/devices', deviceQueueRoutes(store, counterBuckets, events));
  app.route('/api/v1/staff', staffHelpCallRoutes(store, auth, events));
  app.route('/api/v1/staff', staffQueueRoutes(store, auth, events));
  app.route('/api/v1/staff', staffEventRoutes(auth, events));
  app.route('/api/v1/devices', deviceBookingRoutes(store, config, new TokenBuckets(limits.deviceRequestsPerSecond, limits.deviceBurst)));
  app.route('/api/v1/staff', staffBookingRoutes(store, config, auth));

  app.use('*', staticFiles(distDir, log));

  app.notFound((c) => apiError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`));
  app.onError((err, c) => {
    log('error', 'unhandled_error', { method: c.req.method, path: c.req.path.slice(0, 200), message: err.message, stack: err.stack });
    return apiError(c, 500, 'internal', 'The server failed to handle this request; it has been logged.');
  });
  return app;
}
