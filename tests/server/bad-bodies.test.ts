import { toJsonSchema } from '@valibot/to-json-schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { NO_BODY, routeDocs } from '#server/openapi/routes-table.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

/**
 * An attacker's bodies against every route that reads one, walked from the OpenAPI routes table:
 * each is refused with 400 and the contract's error shape (a code a client can act on), never a
 * 5xx and never accepted. A new route with a body is covered the day it joins the table.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let server: TestServer;
let admin: string;
let kiosk: EnrollResponse;
let tablet: EnrollResponse;
let submissionId: string;

beforeAll(async () => {
  server = await startTestServer();
  kiosk = await server.enroll('Kiosk 1');
  tablet = await server.enroll('Tablet 1', 'tablet');
  admin = await server.login();
  const { envelope } = await testEnvelope(kiosk.serverKey);
  expect((await server.submit(kiosk.token, { submissions: [envelope] })).json.results[0].status).toBe('stored');
  submissionId = envelope.id;
});
afterAll(() => server?.close());

/** Every field of the body's schema set to a value of no type a field takes here. */
function wrongTypes(schema: Parameters<typeof toJsonSchema>[0]): string {
  const json = toJsonSchema(schema, { errorMode: 'ignore' }) as { properties?: Record<string, unknown> };
  return JSON.stringify(Object.fromEntries(Object.keys(json.properties ?? {}).map((key) => [key, { $gt: '' }])));
}

// Nested as deep as the small-body limit allows: a recursive parser or validator would overflow its stack.
const deep = '['.repeat(8_000) + ']'.repeat(8_000);
const hostile = ['', 'null', '[]', '"text"', '42', '{', '{"a":1}{"b":2}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', deep, '{"x":"\\ud800"}'];

describe('hostile bodies on every route that reads one', () => {
  const withBody = routeDocs.filter((r) => r.method === 'post' && r.body && r.body !== NO_BODY);

  it('covers the routes with bodies', () => {
    expect(withBody.length).toBeGreaterThan(15);
  });

  for (const route of withBody) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const path = route.path.replace(':id', submissionId).replace(':username', 'admin');
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (route.auth === 'staff') headers.Cookie = admin;
      // Only a tablet sends staff checks and PIN events; a kiosk the rest.
      if (route.auth === 'device') headers.Authorization = `Bearer ${/staff-check|events/.test(route.path) ? tablet.token : kiosk.token}`;
      for (const body of [...hostile, wrongTypes(route.body as Parameters<typeof toJsonSchema>[0])]) {
        const r = await server.request(path, { method: 'POST', headers, body });
        const what = `${route.path} with ${body.slice(0, 60)}`;
        expect(r.status, `${what}: ${r.text.slice(0, 200)}`).toBe(400);
        expect(r.json?.error?.code, what).toMatch(/^[a-z_]+$/);
        expect(r.json.error.message, what).toBeTypeOf('string');
      }
    });
  }
});

describe('hostile query parameters on every route that reads them', () => {
  const withQuery = routeDocs.filter((r) => r.method === 'get' && r.query && !r.path.includes(':'));
  const values = ['-1', '99999999999999999999', 'abc', "' or 1=1 --", '%00', '\u0000', '2026-02-30', '../../etc/passwd', 'x'.repeat(5000), '[object Object]'];

  it('covers the lists, exports, slots and day views', () => {
    expect(withQuery.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v1/staff/submissions', '/api/v1/staff/audit', '/api/v1/devices/slots', '/api/v1/staff/bookings']));
  });

  for (const route of withQuery) {
    it(`GET ${route.path}`, async () => {
      const headers: Record<string, string> = {};
      if (route.auth === 'staff') headers.Cookie = admin;
      if (route.auth === 'device') headers.Authorization = `Bearer ${kiosk.token}`;
      for (const name of Object.keys(route.query!)) {
        for (const value of values) {
          const r = await server.request(`${route.path}?${name}=${encodeURIComponent(value)}`, { headers });
          const what = `${route.path}?${name}=${value.slice(0, 40)}`;
          expect(r.status, `${what}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
          if (r.status >= 400) expect(r.json?.error?.code, what).toMatch(/^[a-z_]+$/);
        }
        // The same parameter twice: Hono hands the first; nothing may break on the second.
        const twice = await server.request(`${route.path}?${name}=a&${name}=b`, { headers });
        expect(twice.status, `${route.path} with ${name} twice`).toBeLessThan(500);
      }
    });
  }
});

