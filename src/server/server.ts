import type { AddressInfo } from 'node:net';
import type { RequestTypeRegistry } from '#forms/registry.ts';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { OidcClient } from './auth/oidc-client.ts';
import type { OidcSettings } from './auth/oidc-settings.ts';
import { HashGate } from './auth/hash-gate.ts';
import { ensureEnvEnrolmentCode, makeSetupCodeIfFresh, DEFAULT_ENV_CODE_HOURS, DEFAULT_ENV_CODE_MAX_USES } from './auth/start-up-codes.ts';
import { ensureFirstAdmin } from './auth/staff-users.ts';
import { SecondFactors } from './auth/second-factor.ts';
import { applyConnectionLimits, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './http/connection-limits.ts';
import { DEFAULT_CONFIG_PATH, loadMunicipalityConfig } from './config.ts';
import { logKek, resolveKek, type KekSource } from './crypto/key-encryption-key.ts';
import { loadNoteCipher, withSealedNotes } from './crypto/note-cipher.ts';
import { loadBlindIndex, withBlindIndex } from './search/blind-index.ts';
import { backfillSearchIndex } from './search/backfill.ts';
import { loadWitnessDigest, withWitnessIndex } from './casework/witness-index.ts';
import { loadServerKeyring } from './crypto/server-key.ts';
import { jsonLog, type Log } from './log.ts';
import { DEFAULT_LIMITS, type Limits } from './rate-limit.ts';
import { DEFAULT_OPEN_CASE_MAX_DAYS, DEFAULT_RETENTION_DAYS, startRetentionJob } from './retention.ts';
import { withRetentionDates } from './retention-dates.ts';
import { openStore } from './store/open-store.ts';
import type { FleetThresholds } from './fleet.ts';
import { DEFAULT_SHUTDOWN_GRACE_MS, drainHttpServer } from './shutdown.ts';

export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Interface to bind; all interfaces when unset, since kiosks reach the server over the network. */
  hostname?: string;
  /** SQLite lives here unless databaseUrl is set. */
  dataDir: string;
  databaseUrl?: string;
  /** The request types devices may send and their schemas: main.ts passes serverRequestTypes() (request-types.ts). */
  registry: RequestTypeRegistry;
  /** ENROLLMENT_CODE: stored as an expiring, limited enrolment code (auth/start-up-codes.ts). */
  enrollmentCode?: string;
  enrollmentCodeHours?: number;
  enrollmentCodeMaxUses?: number;
  /** DEVICE_TOKEN_DAYS: how long a device token works unless the device renews it (default 90). */
  deviceTokenDays?: number;
  /** How long a token replaced by a rotation still works (default one hour; tests shorten it). */
  deviceTokenOverlapMs?: number;
  /** Given (on a terminal), a fresh install makes a one-hour set-up code and shows it through this. */
  showSetupCode?: (code: string, expiresAt: string) => void;
  /** TRUST_PROXY: how many proxies in front of the server append to X-Forwarded-For (0: none). */
  trustProxy?: number;
  /** PUBLIC_ORIGIN: the origins staff use; empty derives it from each request (http/same-origin.ts). */
  publicOrigins?: string[];
  /** COOKIE_SECURE=false: a plain `staff_session` cookie without Secure, for development over http. */
  secureCookies?: boolean;
  /** Timeouts and the connection cap (http/connection-limits.ts). */
  connections?: Partial<ConnectionLimits>;
  adminUsername?: string;
  adminPassword?: string;
  /** ADMIN_TOTP_SECRET: the first admin's TOTP secret (base32), for automated deployments. */
  adminTotpSecret?: string;
  /** The clock second factors check codes against (tests move it instead of waiting). */
  totpClock?: () => number;
  /** STAFF_IDLE_MINUTES and STAFF_SESSION_HOURS (auth/sessions.ts). */
  staffIdleMinutes?: number;
  staffSessionHours?: number;
  /** ADMIN_SECOND_FACTOR: `required` (default) sends a local admin without TOTP to enrolment first. */
  adminSecondFactor?: 'required' | 'optional';
  /** The clock staff sessions are measured by (tests move it instead of waiting). */
  sessionClock?: () => number;
  kioskConfigPath?: string;
  distDir?: string;
  log?: Log;
  /** Submissions received longer ago than this are deleted (at start-up, then daily). */
  retentionDays?: number;
  /** Rate limits; tests lower them to see a 429 quickly. */
  limits?: Partial<Limits>;
  /** Bearer token for GET /metrics (METRICS_TOKEN); unset: /metrics answers 404. */
  metricsToken?: string;
  /** When the fleet view flags a device (FLEET_NOT_SEEN_MINUTES, FLEET_OLD_WORK_MINUTES). */
  fleet?: FleetThresholds;
  /** How long close() lets requests in flight finish before cutting them (SHUTDOWN_GRACE_SECONDS). */
  shutdownGraceMs?: number;
  /** KEY_ENCRYPTION_KEY / KEY_ENCRYPTION_KEY_FILE / NODE_ENV=production (crypto/key-encryption-key.ts). */
  keyEncryption?: Omit<KekSource, 'dataDir'>;
  /** Open cases are deleted this long after arrival (OPEN_CASE_MAX_DAYS). */
  openCaseMaxDays?: number;
  /** Audit entries are deleted this long after they were written (AUDIT_RETENTION_DAYS). */
  auditRetentionDays?: number;
  /** How often a process looks for a rotated key (0: at every device contact). */
  keyRefreshMs?: number;
  /** OIDC_*: sign-in through the organisation's identity provider (auth/oidc-settings.ts). */
  oidc?: OidcSettings;
  /** SEPARATE_ADMIN_DUTIES=true: admins manage accounts and devices but cannot read cases. */
  separateAdminDuties?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The password-hash gate, whose `peak` the attack tests read. */
  loginHashes: HashGate;
  close(): Promise<void>;
}

/** Starts one server process: validates the configuration, opens the store, then listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? jsonLog;
  const config = loadMunicipalityConfig(options.kioskConfigPath ?? DEFAULT_CONFIG_PATH);
  const kek = resolveKek({ ...options.keyEncryption, dataDir: options.dataDir });
  logKek(kek, log);
  const rawStore = await openStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, log, kek: kek.key });
  let store = rawStore;
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const openCaseDays = options.openCaseMaxDays ?? DEFAULT_OPEN_CASE_MAX_DAYS;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const loginHashes = new HashGate(limits.maxConcurrentHashes, limits.maxQueuedHashes);
  const connections = { ...DEFAULT_CONNECTION_LIMITS, ...options.connections };
  let server: ServerType;
  let draining = false;
  try {
    // Opens every stored key first: a wrong KEK stops here, with a message saying so.
    const keyring = await loadServerKeyring(rawStore, { kek: kek.key, log, refreshMs: options.keyRefreshMs });
    // Caseworkers' notes are sealed on the way into the store and opened on the way out.
    store = withSealedNotes(rawStore, await loadNoteCipher(rawStore, kek.key));
    // Cases are found by CPR number and name through a keyed blind index; old cases are indexed once here.
    const blindIndex = await loadBlindIndex(rawStore, kek.key);
    const backfilled = await backfillSearchIndex(rawStore, keyring, blindIndex);
    if (backfilled > 0) log('info', 'search_index_backfilled', { count: backfilled });
    store = withBlindIndex(store, blindIndex);
    // A witness's CPR number is stored only as its keyed hash, for the witness register.
    store = withWitnessIndex(store, await loadWitnessDigest(rawStore, kek.key));
    // Every case carries the date retention will delete it, so the back office can warn first.
    store = withRetentionDates(store, { closedDays: retentionDays, openCaseDays });
    const envCodeId = options.enrollmentCode
      ? await ensureEnvEnrolmentCode(store, options.enrollmentCode, options.enrollmentCodeHours ?? DEFAULT_ENV_CODE_HOURS, options.enrollmentCodeMaxUses ?? DEFAULT_ENV_CODE_MAX_USES, log)
      : undefined;
    const secondFactors = new SecondFactors(store, kek.key, options.totpClock);
    const app = createApp({
      store,
      secondFactors,
      keyring,
      registry: options.registry,
      config,
      envCodeId,
      limits,
      distDir: options.distDir ?? DEFAULT_DIST_DIR,
      log,
      hashGate: loginHashes,
      cookie: { secure: options.secureCookies ?? true, idleMinutes: options.staffIdleMinutes, sessionHours: options.staffSessionHours, now: options.sessionClock, adminSecondFactor: options.adminSecondFactor },
      origin: { trustProxy: options.trustProxy ?? 0, publicOrigins: options.publicOrigins ?? [] },
      metricsToken: options.metricsToken,
      fleet: options.fleet,
      draining: () => draining,
      oidc: options.oidc && new OidcClient(options.oidc),
      separateAdminDuties: options.separateAdminDuties,
      deviceTokens: { ...(options.deviceTokenDays ? { days: options.deviceTokenDays } : {}), ...(options.deviceTokenOverlapMs !== undefined ? { overlapMs: options.deviceTokenOverlapMs } : {}) },
    });
    await ensureFirstAdmin(store, options.adminUsername, options.adminPassword, log, options.adminTotpSecret, secondFactors);
    if (!options.enrollmentCode && options.showSetupCode) {
      const setup = await makeSetupCodeIfFresh(store);
      if (setup) options.showSetupCode(setup.code, setup.expiresAt);
    }
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname, serverOptions: applyConnectionLimits.serverOptions(connections) }, () => resolve(s));
      applyConnectionLimits(s, connections);
      s.once('error', reject);
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  log('info', 'listening', { url: `http://localhost:${port}`, storage: store.kind });
  const retention = startRetentionJob(store, retentionDays, log, { openCaseDays, auditDays: options.auditRetentionDays });

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    loginHashes,
    close: () =>
      (closing ??= (async () => {
        // Stop accepting, let requests in flight finish (bounded), then close the database.
        draining = true;
        const { cut } = await drainHttpServer(server, options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
        if (cut) log('warn', 'shutdown_cut_requests', { graceMs: options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS });
        await retention.stop();
        await store.close();
      })()),
  };
}
