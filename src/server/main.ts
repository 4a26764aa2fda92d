// Registers every request type before the first envelope is validated (see src/forms/index.ts).
import '../forms/index.ts';
import { generateEnrollmentCode } from './auth/enrollment.ts';
import { jsonLog } from './log.ts';
import { AUDIT_MIN_RETENTION_DAYS, OPEN_CASE_MIN_DAYS } from './retention.ts';
import { startServer } from './server.ts';

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

let enrollmentCode = env.ENROLLMENT_CODE;
if (!enrollmentCode) {
  enrollmentCode = generateEnrollmentCode();
  // Printed, not logged as JSON: staff read it off the console to enrol a kiosk. It lasts until restart.
  console.log(`No ENROLLMENT_CODE set; enrol devices with this code until the server restarts: ${enrollmentCode}`);
}

try {
  const server = await startServer({
    port,
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    enrollmentCode,
    adminUsername: env.ADMIN_USERNAME || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    kioskConfigPath: env.KIOSK_CONFIG || undefined,
    retentionDays,
    openCaseMaxDays,
    auditRetentionDays,
    keyEncryption: {
      key: env.KEY_ENCRYPTION_KEY || undefined,
      file: env.KEY_ENCRYPTION_KEY_FILE || undefined,
      production: env.NODE_ENV === 'production',
    },
  });
  const stop = async (signal: string) => {
    jsonLog('info', 'stopping', { signal });
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (err) {
  console.error(`The server did not start: ${(err as Error).message}`);
  process.exit(1);
}
