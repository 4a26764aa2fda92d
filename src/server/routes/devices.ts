import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { EnrollResponse } from '#contract/v1.ts';
import type { AppEnv } from '../app-env.ts';
import { enrolmentRefusals, enrollmentCodeHash } from '../auth/enrollment.ts';
import type { ServerKeyring } from '../crypto/server-key.ts';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import { clientIp } from '../http/client-ip.ts';
import { enrollBodySchema as enrollSchema } from '#contract/device-answers.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import { attemptKeys, attemptPolicy, retryAfterSeconds } from '../auth/attempt-policy.ts';
import type { Limits } from '../rate-limit.ts';
import type { EnrolmentVia, Store } from '../store/store.ts';
import { DEFAULT_DEVICE_TOKEN_DAYS, tokenExpiry } from '../store/devices/device-tokens.ts';


export interface DeviceRouteDeps {
  store: Store;
  keyring: ServerKeyring;
  /** The code made from ENROLLMENT_CODE, if any: its enrolments are audited as `env_code`. */
  envCodeId?: string;
  limits: Limits;
  /** DEVICE_TOKEN_DAYS: how long a new device's token works before it must have been renewed. */
  tokenDays?: number;
}

/** POST /api/v1/devices/enroll: staff type the enrolment code on a new kiosk or tablet. */
export function deviceRoutes({ store, keyring, envCodeId, limits, tokenDays = DEFAULT_DEVICE_TOKEN_DAYS }: DeviceRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const policy = attemptPolicy(limits);
  app.post('/enroll', limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, enrollSchema);
    if (body instanceof Response) return body;
    // Counted per address and for all addresses together, before the code is looked at: a guesser
    // who rotates addresses still meets the shared count.
    const keys = [attemptKeys.enrolAddress(clientIp(c)), attemptKeys.enrolAll];
    const reservation = await store.reserveAttempt(keys, new Date(), policy, limits.failureWindowMs);
    if (!reservation.ok) {
      const wait = retryAfterSeconds(reservation.retryAfterMs);
      c.header('Retry-After', wait);
      return apiError(c, 429, 'too_many_attempts', `Too many wrong enrolment codes; retry after ${wait} s.`);
    }
    const now = new Date().toISOString();
    // Every code is a stored row with an expiry and a use limit, ENROLLMENT_CODE's included.
    const claim = await store.claimEnrolmentCode(enrollmentCodeHash(body.code), body.kind, now);
    if (!claim.ok) {
      const refusal = enrolmentRefusals[claim.reason];
      return apiError(c, 403, refusal.code, refusal.message);
    }
    const via: EnrolmentVia = claim.id === envCodeId ? 'env_code' : 'admin_code';
    const codeId = claim.id;
    await store.refundAttempt([], keys);
    const token = randomToken();
    const deviceId = randomUUID();
    const tokenExpiresAt = tokenExpiry(new Date(now), tokenDays);
    const device = { id: deviceId, name: body.name, kind: body.kind, createdAt: now, revokedAt: null, tokenExpiresAt };
    await store.createDevice(device, sha256(token), via, codeId);
    // The request log names the new device too (the audit log has it from createDevice).
    c.set('device', device);
    const response: EnrollResponse = { deviceId, token, serverKey: await keyring.current(), tokenExpiresAt };
    return c.json(response, 201);
  });
  return app;
}
