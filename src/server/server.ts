import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { ensureFirstAdmin } from './auth/staff-users.ts';
import { DEFAULT_CONFIG_PATH, loadMunicipalityConfig } from './config.ts';
import { logKek, resolveKek, type KekSource } from './crypto/key-encryption-key.ts';
import { loadNoteCipher, withSealedNotes } from './crypto/note-cipher.ts';
import { loadServerKeyring } from './crypto/server-key.ts';
import { jsonLog, type Log } from './log.ts';
import { DEFAULT_LIMITS, type Limits } from './rate-limit.ts';
import { DEFAULT_OPEN_CASE_MAX_DAYS, DEFAULT_RETENTION_DAYS, startRetentionJob } from './retention.ts';
import { withRetentionDates } from './retention-dates.ts';
import { openStore } from './store/open-store.ts';

/** How long an idle keep-alive connection stays open (AWS/nginx-style load balancers use 60 s). */
const KEEP_ALIVE_MS = 65_000;

export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Interface to bind; all interfaces when unset, since kiosks reach the server over the network. */
  hostname?: string;
  /** SQLite lives here unless databaseUrl is set. */
  dataDir: string;
  databaseUrl?: string;
  enrollmentCode: string;
  adminUsername?: string;
  adminPassword?: string;
  kioskConfigPath?: string;
  distDir?: string;
  log?: Log;
  /** Submissions received longer ago than this are deleted (at start-up, then daily). */
  retentionDays?: number;
  /** Rate limits; tests lower them to see a 429 quickly. */
  limits?: Partial<Limits>;
  /** KEY_ENCRYPTION_KEY / KEY_ENCRYPTION_KEY_FILE / NODE_ENV=production (crypto/key-encryption-key.ts). */
  keyEncryption?: Omit<KekSource, 'dataDir'>;
  /** Open cases are deleted this long after arrival (OPEN_CASE_MAX_DAYS). */
  openCaseMaxDays?: number;
  /** Audit entries are deleted this long after they were written (AUDIT_RETENTION_DAYS). */
  auditRetentionDays?: number;
  /** How often a process looks for a rotated key (0: at every device contact). */
  keyRefreshMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
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
  let server: ServerType;
  try {
    // Opens every stored key first: a wrong KEK stops here, with a message saying so.
    const keyring = await loadServerKeyring(rawStore, { kek: kek.key, log, refreshMs: options.keyRefreshMs });
    // Caseworkers' notes are sealed on the way into the store and opened on the way out.
    store = withSealedNotes(rawStore, await loadNoteCipher(rawStore, kek.key));
    // Every case carries the date retention will delete it, so the back office can warn first.
    store = withRetentionDates(store, { closedDays: retentionDays, openCaseDays });
    const app = createApp({
      store,
      keyring,
      config,
      enrollmentCode: options.enrollmentCode,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      distDir: options.distDir ?? DEFAULT_DIST_DIR,
      log,
    });
    await ensureFirstAdmin(store, options.adminUsername, options.adminPassword, log);
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, () => resolve(s));
      // Longer than clients and load balancers keep an idle connection (Node's default is 5 s), so
      // that the server never closes a socket just as a client reuses it (ECONNRESET for the client).
      if ('keepAliveTimeout' in s) {
        s.keepAliveTimeout = KEEP_ALIVE_MS;
        s.headersTimeout = KEEP_ALIVE_MS + 1_000;
      }
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
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await retention.stop();
        await store.close();
      })()),
  };
}
