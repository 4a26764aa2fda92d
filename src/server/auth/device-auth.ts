import type { MiddlewareHandler } from 'hono';
import { TOKEN_EXPIRED, TOKEN_EXPIRES_HEADER } from '#contract/v1.ts';
import type { AppEnv } from '../app-env.ts';
import { sha256 } from '../crypto/tokens.ts';
import { apiError } from '../http/errors.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import type { Store } from '../store/store.ts';

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,256})$/;

/** Device endpoints accept only `Authorization: Bearer <device token>`; staff cookies mean nothing here. */
export function deviceAuth(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer');
      return apiError(c, 401, 'missing_token', 'Send the device token from enrolment as `Authorization: Bearer <token>`.');
    }
    const now = new Date().toISOString();
    const device = await store.deviceByTokenHash(sha256(match[1]!), now);
    if (!device || device.revokedAt) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      return apiError(c, 401, 'invalid_token', 'The device token is unknown or the device has been revoked: enrol the device again.');
    }
    // Its own code, so that the device can tell "expired" from "revoked" in its staff's language.
    if (device.tokenExpiresAt && device.tokenExpiresAt <= now) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      return apiError(c, 401, TOKEN_EXPIRED, 'The device token has expired: enrol the device again.');
    }
    c.set('device', device);
    await next();
    // A device that never learnt its token's expiry (enrolled before tokens expired) learns it here.
    if (device.tokenExpiresAt && !c.res.headers.has(TOKEN_EXPIRES_HEADER)) c.header(TOKEN_EXPIRES_HEADER, device.tokenExpiresAt);
  };
}

/** Per-device token bucket; runs after deviceAuth. */
export function deviceRateLimit(buckets: TokenBuckets): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = buckets.take(c.var.device!.id);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return apiError(c, 429, 'rate_limited', `Too many requests from this device; retry after ${wait} s.`);
    }
    await next();
  };
}
