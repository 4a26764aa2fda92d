import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { apiError } from './errors.ts';

/**
 * Cross-site request forgery: a state-changing staff request (login included) must come from the
 * server's own origin and carry JSON. SameSite=Strict alone is not enough, since a page on another
 * host of the same site (any *.kommune.dk) is "same-site"; and a JSON content type cannot be sent
 * cross-origin without a CORS preflight, which this server never grants.
 *
 * The browser sends `Origin` on every POST; without it, `Sec-Fetch-Site: same-origin` will do. A
 * request with neither is refused: other clients (scripts, the CLI, tests) send `Origin` set to the
 * server's own origin.
 *
 * The server's own origin is PUBLIC_ORIGIN when set (one or more, comma-separated: what staff type
 * in the address bar, e.g. https://kiosk.aarhus.dk). Otherwise it is what the request was sent to:
 * its Host header and scheme, or behind a trusted proxy (TRUST_PROXY) the proxy's X-Forwarded-Host
 * and X-Forwarded-Proto. A browser cannot forge either header on a request from another site.
 */
export interface OriginPolicy {
  /** Normalised origins (scheme://host[:port]); empty: derive from the request. */
  publicOrigins: readonly string[];
  trustProxy: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value a proxy wrote last: entries to its left may come from the client. */
const lastOf = (header: string | undefined) => header?.split(',').at(-1)?.trim() || undefined;

export function requestOrigin(c: Context, trustProxy: number): string {
  const url = new URL(c.req.url);
  if (trustProxy > 0) {
    const proto = lastOf(c.req.header('X-Forwarded-Proto'));
    const host = lastOf(c.req.header('X-Forwarded-Host'));
    return `${proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1)}://${host ?? url.host}`.toLowerCase();
  }
  return url.origin.toLowerCase();
}

/** "https://Kiosk.Aarhus.dk/" → "https://kiosk.aarhus.dk"; throws on what is not an origin, for start-up checks. */
export function normaliseOrigin(text: string): string {
  const url = new URL(text.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${text} is not an http(s) origin`);
  if (url.pathname !== '/' || url.search || url.hash || url.username) throw new Error(`${text} must be an origin only (scheme://host[:port]), without a path`);
  return url.origin.toLowerCase();
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

const hasBody = (c: Context) => {
  const length = c.req.header('Content-Length');
  return (length !== undefined && length !== '0') || c.req.header('Transfer-Encoding') !== undefined;
};

export function sameOriginJson(policy: OriginPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('Origin');
    if (origin !== undefined) {
      const allowed = policy.publicOrigins.length > 0 ? policy.publicOrigins : [requestOrigin(c, policy.trustProxy)];
      if (!allowed.includes(origin.toLowerCase())) {
        return apiError(c, 403, 'cross_origin_refused', `Requests that change something must come from ${allowed.join(' or ')}; this one came from ${origin.slice(0, 100)}.`);
      }
    } else if (c.req.header('Sec-Fetch-Site') !== 'same-origin') {
      return apiError(c, 403, 'origin_required', "Requests that change something must carry an Origin header naming this server (browsers send it by themselves).");
    }
    if (hasBody(c) && !isJson(c.req.header('Content-Type'))) {
      return apiError(c, 415, 'json_required', 'The request body must be JSON, sent with Content-Type: application/json.');
    }
    await next();
  };
}
