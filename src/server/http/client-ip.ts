import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../app-env.ts';

/**
 * The client's address, for per-client limits, the request log and the audit. Without a trusted
 * proxy it is the TCP peer: anyone can send X-Forwarded-For, and a forged one would let a guesser
 * dodge the limits. With `trustProxy` = N (TRUST_PROXY), the N proxies nearest the server are ours:
 * each appended the address it saw, so the client is the Nth entry from the right of
 * X-Forwarded-For followed by the peer. Entries further left were written by the client and are
 * ignored.
 */
export function clientAddressOf(peer: string, forwardedFor: string | undefined, trustProxy: number): string {
  if (trustProxy <= 0 || !forwardedFor) return peer;
  const hops = [...forwardedFor.split(',').map((s) => s.trim()), peer];
  const candidate = hops[Math.max(0, hops.length - 1 - trustProxy)]!;
  return isIP(candidate) ? candidate : peer;
}

function peerOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Puts the client address on the context, first thing, so every later step uses the same one. */
export function clientAddress(trustProxy: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientIp', clientAddressOf(peerOf(c), c.req.header('X-Forwarded-For'), trustProxy));
    await next();
  };
}

export function clientIp(c: Context<AppEnv>): string {
  return c.var.clientIp ?? peerOf(c);
}
