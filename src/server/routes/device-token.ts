import { Hono } from 'hono';
import { TOKEN_EXPIRES_HEADER, type RotateTokenResponse } from '#contract/v1.ts';
import type { AppEnv } from '../app-env.ts';
import { deviceAuth, deviceRateLimit } from '../auth/device-auth.ts';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import { apiError } from '../http/errors.ts';
import type { TokenBuckets } from '../rate-limit.ts';
import { tokenExpiry } from '../store/devices/device-tokens.ts';
import type { Store } from '../store/store.ts';

export interface DeviceTokenSettings {
  /** DEVICE_TOKEN_DAYS: a token's lifetime. */
  days: number;
  /** How long the replaced token still works. */
  overlapMs: number;
}

/**
 * POST /api/v1/devices/token: the device, in contact, swaps its token for a fresh one before it
 * expires. The token presented is the only proof: an expired or revoked one gets the 401 of
 * deviceAuth, so rotation can never bring a device back.
 */
export function deviceTokenRoutes(store: Store, buckets: TokenBuckets, settings: DeviceTokenSettings): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/token', deviceAuth(store), deviceRateLimit(buckets), async (c) => {
    const device = c.var.device!;
    const presented = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')![1]!;
    const now = new Date();
    const token = randomToken();
    const tokenExpiresAt = tokenExpiry(now, settings.days);
    const rotated = await store.rotateDeviceToken({
      deviceId: device.id,
      presentedHash: sha256(presented),
      newHash: sha256(token),
      at: now.toISOString(),
      expiresAt: tokenExpiresAt,
      overlapUntil: new Date(now.getTime() + settings.overlapMs).toISOString(),
    });
    // Another rotation won the race with the same token: this one is not handed out.
    if (!rotated) return apiError(c, 409, 'token_changed', 'The device token changed meanwhile; retry with the token you hold.');
    const body: RotateTokenResponse = { token, tokenExpiresAt };
    return c.json(body, 201, { [TOKEN_EXPIRES_HEADER]: tokenExpiresAt });
  });
  return app;
}
