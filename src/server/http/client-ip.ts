import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The peer address, for per-client limits. X-Forwarded-For is not trusted: anyone can send it, and
 * a forged one would let a guesser dodge the login limit. Behind a proxy all clients share its address.
 */
export function clientIp(c: Context): string {
  return getConnInfo(c).remote.address ?? 'unknown';
}
