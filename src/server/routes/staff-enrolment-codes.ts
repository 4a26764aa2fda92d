import { Hono, type MiddlewareHandler } from 'hono';
import { enrolmentCodeBodySchema as newCodeSchema, type EnrolmentCodeCreated } from '#contract/staff.ts';
import type { AppEnv } from '../app-env.ts';
import { enrollmentCodeHash, generateEnrollmentCode } from '../auth/enrollment.ts';
import { requireAdmin } from '../auth/sessions.ts';
import { apiError } from '../http/errors.ts';
import { limitBody, readJsonBody, SMALL_BODY_BYTES } from '../http/json-body.ts';
import type { Store } from '../store/store.ts';

export { MAX_ENROLMENT_CODE_HOURS, MAX_ENROLMENT_CODE_USES } from '#contract/staff.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


/**
 * Admins' enrolment codes:
 * - POST /enrolment-codes {expiresInHours, label?, kind?, maxUses?} → 201 {id, code, expiresAt}: a code
 *   that enrols devices (of `kind`, at most `maxUses`) until it expires. Only its hash is stored, so
 *   the answer is the one time the code is shown.
 * - GET /enrolment-codes → {codes: [...]}: every code's label, limits, uses and state, never the code.
 * - POST /enrolment-codes/:id/revoke → 204: the code stops enrolling at once (audited); devices it
 *   enrolled keep working (revoke those on the devices screen).
 */
export function staffEnrolmentCodeRoutes(store: Store, auth: MiddlewareHandler<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = requireAdmin();

  app.post('/enrolment-codes', auth, admin, limitBody(SMALL_BODY_BYTES), async (c) => {
    const body = await readJsonBody(c, newCodeSchema);
    if (body instanceof Response) return body;
    const code = generateEnrollmentCode();
    const id = crypto.randomUUID();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + body.expiresInHours * 3600_000).toISOString();
    await store.createEnrolmentCode({
      id,
      codeHash: enrollmentCodeHash(code),
      createdAt: now.toISOString(),
      expiresAt,
      createdBy: c.var.staff!.username,
      label: body.label ?? '',
      kind: body.kind ?? undefined,
      maxUses: body.maxUses ?? undefined,
    });
    return c.json({ id, code, expiresAt } satisfies EnrolmentCodeCreated, 201, { 'Cache-Control': 'no-store' });
  });

  app.get('/enrolment-codes', auth, admin, async (c) => c.json({ codes: await store.listEnrolmentCodes() }, 200, { 'Cache-Control': 'no-store' }));

  app.post('/enrolment-codes/:id/revoke', auth, admin, async (c) => {
    const id = c.req.param('id');
    if (UUID.test(id) && (await store.revokeEnrolmentCode(id, new Date().toISOString(), c.var.staff!.username))) return c.body(null, 204);
    return apiError(c, 404, 'not_found', `No enrolment code with id ${id} that is not revoked already.`);
  });
  return app;
}
