import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { enrollmentCodeHash, generateEnrollmentCode } from '../auth/enrollment.ts';
import { requireAdmin } from '../auth/sessions.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { Store } from '../store/store.ts';

/** A week at most: a code is a credential, meant for one round of setting up kiosks. */
export const MAX_ENROLMENT_CODE_HOURS = 168;

const newCodeSchema = v.object({
  expiresInHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ENROLMENT_CODE_HOURS)),
});

/**
 * POST /api/v1/staff/enrolment-codes {expiresInHours} → 201 {code, expiresAt}: an admin makes a code
 * that enrols devices until it expires. Only its hash is stored, so the answer is the one time the
 * code is shown.
 */
export function staffEnrolmentCodeRoutes(store: Store, auth: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/enrolment-codes', auth, requireAdmin(), limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, newCodeSchema);
    if (body instanceof Response) return body;
    const code = generateEnrollmentCode();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + body.expiresInHours * 3600_000).toISOString();
    await store.createEnrolmentCode({ codeHash: enrollmentCodeHash(code), createdAt: now.toISOString(), expiresAt, createdBy: c.var.staff!.username });
    return c.json({ code, expiresAt }, 201, { 'Cache-Control': 'no-store' });
  });
  return app;
}
