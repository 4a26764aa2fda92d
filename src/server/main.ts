import { httpOptionsFromEnv } from './http-env.ts';
import { jsonLog } from './log.ts';
import { AUDIT_MIN_RETENTION_DAYS, OPEN_CASE_MIN_DAYS } from './retention.ts';
import { startServer } from './server.ts';
import { serverRequestTypes } from './request-types.ts';
import { fleetThresholdsFromEnv } from './fleet.ts';
import { exitOnSignals, shutdownGraceFromEnv } from './shutdown.ts';

/** `npm start`: reads the environment, starts the server, and stops cleanly on SIGTERM/SIGINT. */
const env = process.env;
// Every file this process creates (the SQLite database and its -wal/-shm, a generated key file) is
// readable by the server's own user only.
process.umask(0o077);
const port = env.PORT ? Number(env.PORT) : 8080;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
  process.exit(1);
}

const retentionDays = env.RETENTION_DAYS ? Number(env.RETENTION_DAYS) : undefined;
if (retentionDays !== undefined && (!Number.isInteger(retentionDays) || retentionDays < 1)) {
  console.error(`RETENTION_DAYS must be a whole number of days, at least 1, got ${JSON.stringify(env.RETENTION_DAYS)}`);
  process.exit(1);
}

/** A whole number of days from the environment, at least `min`; unset answers undefined (the default). */
function days(name: string, min: number): number | undefined {
  const text = env[name];
  if (!text) return undefined;
  const value = Number(text);
  if (Number.isInteger(value) && value >= min) return value;
  console.error(`${name} must be a whole number of days, at least ${min}, got ${JSON.stringify(text)}`);
  process.exit(1);
}
const openCaseMaxDays = days('OPEN_CASE_MAX_DAYS', OPEN_CASE_MIN_DAYS);
const auditRetentionDays = days('AUDIT_RETENTION_DAYS', AUDIT_MIN_RETENTION_DAYS);
// Back-office sessions: idle end in minutes (at least 3, so the 2-minute warning fits) and absolute end in hours.
const staffIdleMinutes = wholeNumber('STAFF_IDLE_MINUTES', 3, 24 * 60);
const staffSessionHours = wholeNumber('STAFF_SESSION_HOURS', 1, 24);
// Local admins must enrol a second factor before anything else; `optional` is for test installations only.
const adminSecondFactor = env.ADMIN_SECOND_FACTOR || 'required';
if (adminSecondFactor !== 'required' && adminSecondFactor !== 'optional') {
  console.error(`ADMIN_SECOND_FACTOR must be required or optional, got ${JSON.stringify(adminSecondFactor)}`);
  process.exit(1);
}

function wholeNumber(name: string, min: number, max: number): number | undefined {
  const text = env[name];
  if (!text) return undefined;
  const value = Number(text);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  console.error(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  process.exit(1);
}

let fleet, shutdownGraceMs;
try {
  fleet = fleetThresholdsFromEnv(env);
  shutdownGraceMs = shutdownGraceFromEnv(env.SHUTDOWN_GRACE_SECONDS);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

try {
  const server = await startServer({
    port,
    dataDir: env.DATA_DIR || './data',
    registry: serverRequestTypes(),
    databaseUrl: env.DATABASE_URL || undefined,
    // Proxy, origin, cookie, connection limits and ENROLLMENT_CODE (no code is ever printed to the log).
    ...httpOptionsFromEnv(env),
    adminUsername: env.ADMIN_USERNAME || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    adminTotpSecret: env.ADMIN_TOTP_SECRET || undefined,
    staffIdleMinutes,
    staffSessionHours,
    adminSecondFactor,
    kioskConfigPath: env.KIOSK_CONFIG || undefined,
    retentionDays,
    metricsToken: env.METRICS_TOKEN || undefined,
    fleet,
    shutdownGraceMs,
    openCaseMaxDays,
    auditRetentionDays,
    keyEncryption: {
      key: env.KEY_ENCRYPTION_KEY || undefined,
      file: env.KEY_ENCRYPTION_KEY_FILE || undefined,
      production: env.NODE_ENV === 'production',
    },
  });
  exitOnSignals(async (signal) => {
    jsonLog('info', 'stopping', { signal });
    await server.close();
    jsonLog('info', 'stopped', { signal });
  }, (msg, fields) => jsonLog('error', msg, fields));
} catch (err) {
  console.error(`The server did not start: ${(err as Error).message}`);
  process.exit(1);
}
