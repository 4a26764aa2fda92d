import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, type EnrollResponse, type Envelope } from '#contract/v1.ts';
import { testEnvelope } from './fixtures.ts';
import { ENROLLMENT_CODE, startTestServer, type Reply, type TestServer } from './harness.ts';

/**
 * Bad input of any kind gets a 4xx or a per-item `invalid`, never a 5xx, and nothing of it is
 * stored (wire contract v1). Every reply in this file goes through `expectNo5xx`; the last test
 * checks that the store is still empty.
 */
let server: TestServer;
let device: EnrollResponse;
let staff: string;
let valid: Envelope;

beforeAll(async () => {
  server = await startTestServer();
  device = await server.enroll();
  staff = await server.login();
  valid = (await testEnvelope(device.serverKey)).envelope;
});
afterAll(() => server.close());

function expectError(r: Reply, status: number, code?: string) {
  expect(r.status, r.text).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/json');
  expect(r.json.error).toEqual({ code: code ?? expect.any(String), message: expect.any(String) });
}

const raw = (body: BodyInit, headers: Record<string, string> = {}) =>
  server.request('/api/v1/submissions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${device.token}`, 'Content-Type': 'application/json', ...headers },
    body,
  });

describe('malformed batches answer 400 with a clear message', () => {
  it.each(['', '{', '{"submissions": [}', 'null x', '\u0000', '<script>alert(1)</script>'])('not JSON: %j', async (body) => {
    expectError(await raw(body), 400, 'malformed_json');
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', []],
    ['no submissions', {}],
    ['submissions as a string', { submissions: 'x' }],
    ['submissions as an object', { submissions: {} }],
    ['an empty batch', { submissions: [] }],
  ])('wrong shape: %s', async (_name, body) => {
    const r = await raw(JSON.stringify(body));
    expectError(r, 400, 'invalid_request');
  });

  it('refuses 101 envelopes and says the limit', async () => {
    const r = await raw(JSON.stringify({ submissions: Array.from({ length: 101 }, () => valid) }));
    expectError(r, 400, 'invalid_request');
    expect(r.json.error.message).toContain('100');
  });
});

describe('size and authentication', () => {
  it('answers 413 for a body over 2 MiB', async () => {
    const body = JSON.stringify({ submissions: [{ ...valid, ciphertext: 'A'.repeat(MAX_BODY_BYTES) }] });
    expectError(await raw(body), 413, 'body_too_large');
  });

  it('answers 413 for a streamed body over 2 MiB without Content-Length', async () => {
    const chunk = new TextEncoder().encode('A'.repeat(256 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const r = await server.request('/api/v1/submissions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${device.token}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expectError(r, 413, 'body_too_large');
  });

  it.each([
    ['no Authorization header', {}],
    ['an unknown token', { Authorization: `Bearer ${'x'.repeat(43)}` }],
    ['a malformed header', { Authorization: 'Bearer <script>' }],
    ['Basic auth', { Authorization: 'Basic YWRtaW46YWRtaW4=' }],
  ])('answers 401 for %s', async (_name, headers) => {
    const r = await server.request('/api/v1/submissions', { method: 'POST', headers, body: JSON.stringify({ submissions: [valid] }) });
    expectError(r, 401);
  });

  it('does not accept a staff session cookie on the device endpoint', async () => {
    const r = await server.request('/api/v1/submissions', { method: 'POST', headers: { Cookie: staff }, body: JSON.stringify({ submissions: [valid] }) });
    expectError(r, 401);
  });
});

describe('markup and control characters in every envelope field', () => {
  const evil = ['<script>alert(1)</script>', 'a\u0000b', '\u001b[2J', 'x\r\nSet-Cookie: a=b', '\u202e', '=cmd|"/c calc"!A1', '"; DROP TABLE submissions; --'];
  const fields: (keyof Envelope)[] = ['id', 'reference', 'type', 'schemaVersion', 'createdAt', 'kid', 'iv', 'wrappedKey', 'ciphertext'];

  it.each(fields)('%s: every hostile value is invalid', async (field) => {
    const items = evil.map((value) => ({ ...valid, id: field === 'id' ? value : randomUUID(), [field]: value }));
    const r = await raw(JSON.stringify({ submissions: items }));
    expect(r.status).toBe(200);
    expect(r.json.results.map((x: { status: string }) => x.status)).toEqual(evil.map(() => 'invalid'));
  });

  it('rejects them in the enrolment request too', async () => {
    for (const name of ['<script>alert(1)</script>', 'kiosk\u0000', '\u0007']) {
      expectError(await server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code: ENROLLMENT_CODE, name, kind: 'kiosk' }) }), 400);
    }
    expectError(await server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code: ENROLLMENT_CODE, name: 'k', kind: '<b>' }) }), 400);
  });

  it('rejects them at login without a 5xx', async () => {
    for (const username of ['<script>', 'a\u0000b', '\u001b[2J']) {
      const r = await server.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username, password: '\u0000<script>' }) });
      expect(r.status).toBe(401);
    }
  });
});

describe('random input never gets a 5xx', () => {
  const randomJson = (depth = 0): unknown => {
    const pick = Math.floor(Math.random() * (depth > 2 ? 5 : 7));
    const text = () => String.fromCharCode(...Array.from({ length: Math.floor(Math.random() * 12) }, () => Math.floor(Math.random() * 0x2ff)));
    return [
      () => null,
      () => Math.random() * 1e12 - 5e11,
      () => Math.random() < 0.5,
      text,
      () => randomUUID(),
      () => Array.from({ length: Math.floor(Math.random() * 4) }, () => randomJson(depth + 1)),
      () => Object.fromEntries(['id', 'reference', 'type', 'schemaVersion', 'submissions', text()].map((k) => [k, randomJson(depth + 1)])),
    ][pick]!();
  };

  it('on the device, staff and enrolment endpoints', async () => {
    const targets: [string, Record<string, string>][] = [
      ['/api/v1/submissions', { Authorization: `Bearer ${device.token}` }],
      ['/api/v1/devices/enroll', {}],
      ['/api/v1/staff/login', {}],
      [`/api/v1/staff/submissions/${randomUUID()}/transition`, { Cookie: staff }],
    ];
    for (let i = 0; i < 60; i++) {
      for (const [path, headers] of targets) {
        const value = randomJson();
        const body = i % 3 === 0 ? JSON.stringify({ submissions: [value, { ...valid, id: randomUUID(), type: value }] }) : JSON.stringify(value);
        const r = await server.request(path, { method: 'POST', headers, body });
        expect(r.status, `${path} ${body}`).toBeLessThan(500);
      }
    }
  }, 60_000);
});

describe('afterwards', () => {
  it('nothing of the bad input was stored', async () => {
    const r = await server.staff(staff, '/submissions');
    expect(r.json).toEqual({ submissions: [], total: 0 });
  });
});
