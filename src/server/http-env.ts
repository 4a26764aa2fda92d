import { enrollmentCodeWeakness } from './auth/start-up-codes.ts';
import { connectionLimitsProblem, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './http/connection-limits.ts';
import { normaliseOrigin } from './http/same-origin.ts';
import type { ServerOptions } from './server.ts';
import { oidcSettingsFromEnv } from './auth/oidc-settings.ts';

/**
 * The environment settings of the HTTP edge (proxy, origin, cookie, connection limits, enrolment
 * code), read and checked once at start: a bad value stops the server with a message naming it.
 * Documented in src/server/README.md.
 */
export type HttpEnvOptions = Pick<
  ServerOptions,
  'trustProxy' | 'publicOrigins' | 'secureCookies' | 'connections' | 'enrollmentCode' | 'enrollmentCodeHours' | 'enrollmentCodeMaxUses' | 'showSetupCode' | 'oidc' | 'separateAdminDuties' | 'deviceTokenDays'
>;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}

export function httpOptionsFromEnv(env: NodeJS.ProcessEnv, terminal: { isTTY?: boolean; write(text: string): unknown } = process.stderr): HttpEnvOptions {
  const secure = env.COOKIE_SECURE?.trim().toLowerCase();
  if (secure !== undefined && secure !== '' && secure !== 'true' && secure !== 'false') {
    throw new Error(`COOKIE_SECURE must be true or false, got ${JSON.stringify(env.COOKIE_SECURE)}`);
  }
  let publicOrigins: string[] = [];
  try {
    publicOrigins = (env.PUBLIC_ORIGIN ?? '').split(',').filter((s) => s.trim()).map(normaliseOrigin);
  } catch (err) {
    throw new Error(`PUBLIC_ORIGIN: ${(err as Error).message}`, { cause: err });
  }
  const connections: ConnectionLimits = {
    headersTimeoutMs: wholeNumber(env, 'HEADERS_TIMEOUT_MS', 1000) ?? DEFAULT_CONNECTION_LIMITS.headersTimeoutMs,
    requestTimeoutMs: wholeNumber(env, 'REQUEST_TIMEOUT_MS', 1000) ?? DEFAULT_CONNECTION_LIMITS.requestTimeoutMs,
    keepAliveTimeoutMs: wholeNumber(env, 'KEEP_ALIVE_TIMEOUT_MS', 1000) ?? DEFAULT_CONNECTION_LIMITS.keepAliveTimeoutMs,
    maxConnections: wholeNumber(env, 'MAX_CONNECTIONS', 1) ?? DEFAULT_CONNECTION_LIMITS.maxConnections,
  };
  const problem = connectionLimitsProblem(connections);
  if (problem) throw new Error(problem);
  const enrollmentCode = env.ENROLLMENT_CODE || undefined;
  const weakness = enrollmentCode && enrollmentCodeWeakness(enrollmentCode);
  if (weakness) throw new Error(weakness);
  const separate = env.SEPARATE_ADMIN_DUTIES?.trim().toLowerCase();
  if (separate !== undefined && separate !== '' && separate !== 'true' && separate !== 'false') {
    throw new Error(`SEPARATE_ADMIN_DUTIES must be true or false, got ${JSON.stringify(env.SEPARATE_ADMIN_DUTIES)}`);
  }
  return {
    oidc: oidcSettingsFromEnv(env, publicOrigins),
    separateAdminDuties: separate === 'true',
    trustProxy: wholeNumber(env, 'TRUST_PROXY', 0, 10) ?? 0,
    publicOrigins,
    secureCookies: secure !== 'false',
    connections,
    enrollmentCode,
    enrollmentCodeHours: wholeNumber(env, 'ENROLLMENT_CODE_HOURS', 1, 168),
    enrollmentCodeMaxUses: wholeNumber(env, 'ENROLLMENT_CODE_MAX_USES', 1, 100_000),
    deviceTokenDays: wholeNumber(env, 'DEVICE_TOKEN_DAYS', 1, 3650),
    // Shown on the terminal only: written to stderr when it is one, so it never lands in a log file.
    showSetupCode: terminal.isTTY
      ? (code, expiresAt) => terminal.write(`\nFirst-run set-up code for enrolling the first devices (valid until ${expiresAt}, shown only here):\n\n    ${code}\n\n`)
      : undefined,
  };
}
