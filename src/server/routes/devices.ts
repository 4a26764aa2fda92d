import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { EnrollResponse } from '../../contract/v1.ts';
import type { AppEnv } from '../app-env.ts';
import { enrolmentRefusals, enrollmentCodeHash, enrollmentCodeMatches } from '../auth/enrollment.ts';
import type { ServerKeyring } from '../crypto/server-key.ts';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import { clientIp } from '../http/client-ip.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { FailureWindow } from '../rate-limit.ts';
import { deviceKinds, type EnrolmentVia, type Store } from '../store/store.ts';

const enrollSchema = v.object({
  code: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  // Shown to staff in lists: printable text only.
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100), v.regex(/^[^\p{Cc}<>]+$/u, 'name must be printable text without < or >')),
  kind: v.picklist(deviceKinds),
});

export interface DeviceRouteDeps {
  store: Store;
  keyring: ServerKeyring;
  enrollmentCode: string;
  enrollFailures: FailureWindow;
}

/** POST /api/v1/devices/enroll: staff type the enrolment code on a new kiosk or tablet. */
export function deviceRoutes({ store, keyring, enrollmentCode, enrollFailures }: DeviceRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/enroll', limitBody(SMALL_BODY_BYTES), async (c) => {
    const ip = clientIp(c);
    const wait = enrollFailures.retryAfter(ip);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return apiError(c, 429, 'too_many_attempts', `Too many wrong enrolment codes from this address; retry after ${wait} s.`);
    }
    const body = await readJsonBody(c, enrollSchema);
    if (body instanceof Response) return body;
    const now = new Date().toISOString();
    // The environment's code keeps working beside the expiring codes admins make in the back office.
    let via: EnrolmentVia = 'env_code';
    let codeId: string | undefined;
    if (!enrollmentCodeMatches(body.code, enrollmentCode)) {
      const claim = await store.claimEnrolmentCode(enrollmentCodeHash(body.code), body.kind, now);
      if (!claim.ok) {
        enrollFailures.fail(ip);
        const refusal = enrolmentRefusals[claim.reason];
        return apiError(c, 403, refusal.code, refusal.message);
      }
      via = 'admin_code';
      codeId = claim.id;
    }
    const token = randomToken();
    const deviceId = randomUUID();
    const device = { id: deviceId, name: body.name, kind: body.kind, createdAt: now, revokedAt: null };
    await store.createDevice(device, sha256(token), via, codeId);
    // The request log names the new device too (the audit log has it from createDevice).
    c.set('device', device);
    const response: EnrollResponse = { deviceId, token, serverKey: await keyring.current() };
    return c.json(response, 201);
  });
  return app;
}
