import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { newReference } from '#domain/reference.ts';
import { totpCode } from '#server/auth/totp.ts';
import { DEFAULT_CONFIG_PATH } from '#server/config.ts';
import { NO_BODY, routeDocs, type RouteDoc } from '#server/openapi/routes-table.ts';
import { testEnvelope } from './fixtures.ts';
import { ADMIN, ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';

/**
 * The answers the server really sends, checked against the schemas the OpenAPI document shows:
 * every route in the table with a JSON answer (or a 204) is called once in a working order, its
 * success status compared and its body parsed with its schema. A route left uncalled fails the
 * last test, so a new route cannot join the document unchecked.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let dir: string;
let server: TestServer;
const called = new Set<RouteDoc>();

function routeOf(method: 'get' | 'post', template: string): RouteDoc {
  const route = routeDocs.find((r) => r.method === method && r.path === template);
  if (!route) throw new Error(`no route ${method} ${template} in the table`);
  return route;
}

interface CallOptions {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  cookie?: string;
  token?: string;
}

/** Calls a route by its table path, expects its success status and parses the body with its answer schema. */
async function call(method: 'get' | 'post', template: string, options: CallOptions = {}) {
  const route = routeOf(method, template);
  const path = template.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(options.params![name]!)) + (options.query ?? '');
  const headers: Record<string, string> = {};
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const r = await server.request(path, { method: method.toUpperCase(), headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
  const expected = route.answer === NO_BODY ? 204 : (route.status ?? 200);
  expect(r.status, `${method} ${template}: ${r.text}`).toBe(expected);
  if (route.answer && route.answer !== NO_BODY) {
    const parsed = v.safeParse(route.answer, r.json);
    expect(parsed.success ? [] : parsed.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`), `${method} ${template}`).toEqual([]);
  } else {
    expect(r.text).toBe('');
  }
  called.add(route);
  return r;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-openapi-answers-'));
  // Open every day, so that a slot is offered whatever day the test runs.
  const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
  const day = [{ opens: '00:00', closes: '23:59' }];
  config.openingHours = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, day]));
  config.booking = { slotMinutes: 60, daysAhead: 10, capacity: 2 };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  server = await startTestServer({ kioskConfigPath: join(dir, 'config.json') });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('every answer matches the schema the OpenAPI document shows for it', () => {
  it('operations and meta', async () => {
    await call('get', '/api/health');
    await call('get', '/api/health/ready');
    await call('get', '/api/health/live');
    await call('get', '/config.json');
  });

  it('devices and staff, one working day', async () => {
    const kiosk = (await call('post', '/api/v1/devices/enroll', { body: { code: ENROLLMENT_CODE, name: 'Kiosk 1', kind: 'kiosk' } })).json as EnrollResponse;
    const tablet = await server.enroll('Tablet 1', 'tablet');
    await call('post', '/api/v1/devices/report', {
      token: kiosk.token,
      body: { appVersion: '1.0.0', queued: 0, oldestQueuedAgeSeconds: null, rejected: 0, storageUsedBytes: 10, storageQuotaBytes: 100, persisted: true, lastError: 'none' },
    });
    const { envelope } = await testEnvelope(kiosk.serverKey);
    await call('post', '/api/v1/submissions', { token: kiosk.token, body: { submissions: [envelope] } });

    const login = await call('post', '/api/v1/staff/login', { body: ADMIN });
    const admin = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const staff = (options: CallOptions = {}) => ({ ...options, cookie: admin });
    await call('get', '/api/v1/staff/session', staff());
    await call('get', '/api/v1/staff/sso');

    // The inbox and one case.
    await call('get', '/api/v1/staff/submissions', staff({ query: '?limit=50' }));
    await call('get', '/api/v1/staff/submission-types', staff());
    const id = envelope.id;
    await call('get', '/api/v1/staff/submissions/:id', staff({ params: { id } }));
    await call('post', '/api/v1/staff/submissions/:id/print', staff({ params: { id } }));
    await call('post', '/api/v1/staff/submissions/:id/transition', staff({ params: { id }, body: { to: 'in_progress' } }));
    await call('post', '/api/v1/staff/submissions/:id/assign', staff({ params: { id }, body: { assignee: ADMIN.username } }));
    await call('post', '/api/v1/staff/submissions/:id/notes', staff({ params: { id }, body: { note: 'Ringet op.' } }));

    // Accounts.
    const password = 'a long staff password';
    await call('post', '/api/v1/staff/users', staff({ body: { username: 'anne', password, role: 'caseworker' } }));
    await call('get', '/api/v1/staff/users', staff());
    await call('post', '/api/v1/staff/users/:username/role', staff({ params: { username: 'anne' }, body: { role: 'admin' } }));
    await call('post', '/api/v1/staff/users/:username/role', staff({ params: { username: 'anne' }, body: { role: 'caseworker' } }));
    await call('get', '/api/v1/staff/people', staff());
    const anne = await server.login('anne', password);
    await call('post', '/api/v1/staff/password', { cookie: anne, body: { currentPassword: password, newPassword: 'another long staff password' } });
    const enrol = await call('post', '/api/v1/staff/totp/enrol', { cookie: anne });
    await call('post', '/api/v1/staff/totp/confirm', { cookie: anne, body: { code: totpCode(enrol.json.secret, Date.now()) } });
    await call('post', '/api/v1/staff/users/:username/reset-password', staff({ params: { username: 'anne' } }));
    await call('post', '/api/v1/staff/users/:username/disable', staff({ params: { username: 'anne' } }));
    await call('post', '/api/v1/staff/users/:username/reactivate', staff({ params: { username: 'anne' } }));

    // Devices and codes.
    await call('get', '/api/v1/staff/devices', staff());
    await call('get', '/api/v1/staff/device-names', staff());
    const code = await call('post', '/api/v1/staff/enrolment-codes', staff({ body: { expiresInHours: 2, label: 'Skranke 2', kind: 'kiosk', maxUses: 3 } }));
    await call('get', '/api/v1/staff/enrolment-codes', staff());
    await call('post', '/api/v1/staff/enrolment-codes/:id/revoke', staff({ params: { id: code.json.id } }));

    // The tablet's staff credential, its check and renewal, and a wipe.
    const credential = await call('post', '/api/v1/devices/staff-credential', { token: tablet.token, cookie: admin });
    await call('post', '/api/v1/devices/staff-check', { token: tablet.token, body: { credential: credential.json.credential } });
    await call('post', '/api/v1/devices/staff-credential/renew', { token: tablet.token, body: { credential: credential.json.credential, renewalSecret: credential.json.renewalSecret } });
    await call('post', '/api/v1/devices/events', { token: tablet.token, body: { kind: 'pin_wipe', at: new Date().toISOString(), username: ADMIN.username } });

    // The counter.
    await call('post', '/api/v1/devices/help-calls', { token: kiosk.token, body: { id: randomUUID(), route: '/service/complaint', calledAt: new Date().toISOString() } });
    const open = await call('get', '/api/v1/staff/help-calls', staff());
    await call('post', '/api/v1/staff/help-calls/:id/handle', staff({ params: { id: open.json.helpCalls[0].id } }));
    await call('post', '/api/v1/devices/queue-tickets', { token: kiosk.token });
    await call('get', '/api/v1/staff/waiting', staff());
    await call('post', '/api/v1/staff/waiting/call-next', staff());

    // Booking.
    const slots = await call('get', '/api/v1/devices/slots', { token: kiosk.token });
    const slot = slots.json.slots[1].slot as string;
    const booked = newReference();
    await call('post', '/api/v1/devices/bookings', { token: kiosk.token, body: { slot, reference: booked } });
    await call('get', '/api/v1/devices/bookings/:reference', { token: kiosk.token, params: { reference: booked } });
    await call('get', '/api/v1/staff/bookings', staff({ query: `?date=${slot.slice(0, 10)}` }));

    await call('get', '/api/v1/staff/audit', staff({ query: '?limit=20' }));

    // Last: what ends devices and the session.
    await call('post', '/api/v1/devices/token', { token: kiosk.token });
    await call('post', '/api/v1/staff/devices/:id/revoke', staff({ params: { id: kiosk.deviceId } }));
    await call('post', '/api/v1/staff/devices/revoke-all', staff({ body: { kind: 'tablet' } }));
    await call('post', '/api/v1/staff/logout', staff());
  });

  it('left no route with a JSON answer or a 204 uncalled', () => {
    const uncalled = routeDocs.filter((r) => !r.produces && !called.has(r)).map((r) => `${r.method} ${r.path}`);
    expect(uncalled).toEqual([]);
  });
});
