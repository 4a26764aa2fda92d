import type { ServerOptions } from 'node:http';
import type { ServerType } from '@hono/node-server';

/**
 * Bounds on connections, so that slow or idle clients cannot hold the server's memory and sockets
 * (without them, 90 stalled 2 MiB uploads were held for over five minutes). Each is an environment
 * setting (http-env.ts).
 */
export interface ConnectionLimits {
  /** HEADERS_TIMEOUT_MS: time to send the request line and headers. */
  headersTimeoutMs: number;
  /** REQUEST_TIMEOUT_MS: time to send the whole request, body included: a stalled upload is cut here. */
  requestTimeoutMs: number;
  /**
   * KEEP_ALIVE_TIMEOUT_MS: how long an idle connection stays open between requests. Longer than
   * load balancers keep one (60 s), so the server never closes a socket just as a client reuses it.
   */
  keepAliveTimeoutMs: number;
  /** MAX_CONNECTIONS: open connections at once; more are closed at once. */
  maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 20_000,
  // A 2 MiB batch over a poor mobile link (~50 kB/s) takes about 40 s.
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 65_000,
  maxConnections: 500,
};

/** Why the limits cannot work together, or undefined. */
export function connectionLimitsProblem(l: ConnectionLimits): string | undefined {
  for (const [name, value] of Object.entries(l)) {
    if (!Number.isInteger(value) || value < 1) return `${name} must be a whole number above 0, got ${value}`;
  }
  if (l.headersTimeoutMs > l.requestTimeoutMs) return `HEADERS_TIMEOUT_MS (${l.headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${l.requestTimeoutMs})`;
  return undefined;
}

/** Sets the limits on a server just created; the timeouts go in at creation (serverOptions). */
export function applyConnectionLimits(server: ServerType, l: ConnectionLimits): void {
  server.maxConnections = l.maxConnections;
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = l.keepAliveTimeoutMs;
}

applyConnectionLimits.serverOptions = (l: ConnectionLimits): ServerOptions => ({
  headersTimeout: l.headersTimeoutMs,
  requestTimeout: l.requestTimeoutMs,
  keepAliveTimeout: l.keepAliveTimeoutMs,
  // Node checks the two timeouts on this interval (30 s by default): check often enough to keep them.
  connectionsCheckingInterval: Math.max(250, Math.min(5_000, Math.floor(l.headersTimeoutMs / 4))),
});
