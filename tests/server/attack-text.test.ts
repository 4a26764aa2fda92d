import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import '#forms/device-test.ts';
import { testEnvelope } from './fixtures.ts';
import { ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';

/** Text that looks like something else, or like nothing, and keys no honest client sends. */
let server: TestServer;
let admin: string;
let device: EnrollResponse;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  device = await server.enroll('Text kiosk');
}, 120_000);
afterAll(() => server?.close(), 60_000);

const enrolNamed = (name: string) => server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code: ENROLLMENT_CODE, name, kind: 'kiosk' }) });

describe('names and labels staff type', () => {
  it.each([
    ['a right-to-left override', 'Kiosk \u202E1 llah'],
    ['a left-to-right isolate', 'Kiosk \u20661'],
    ['a right-to-left mark', 'Kiosk\u200F 1'],
    ['zero-width spaces only', '\u200B\u200B\u200B'],
    ['a Hangul filler only', '\u3164'],
    ['a braille blank only', '\u2800\u2800'],
    ['a zero-width no-break space inside', 'Kio\uFEFFsk'],
  ])('refuses a device name with %s', async (_what, name) => {
    const r = await enrolNamed(name);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_request');
    expect(r.json.error.message).toContain('name');
  });

  it('accepts ordinary names in any script', async () => {
    for (const name of ['Kiosk 1 – hallen', 'Borgerservice Ærø', 'Київ кіоск', 'كشك ١']) expect((await enrolNamed(name)).status, name).toBe(201);
  });

  it('refuses enrolment-code labels with direction or invisible characters', async () => {
    for (const label of ['Hall \u2067A', '\u200B', '\u3164']) {
      const r = await server.staff(admin, '/enrolment-codes', { method: 'POST', body: JSON.stringify({ expiresInHours: 1, label }) });
      expect(r.status, label).toBe(400);
    }
    expect((await server.staff(admin, '/enrolment-codes', { method: 'POST', body: JSON.stringify({ expiresInHours: 1, label: '' }) })).status).toBe(201);
  });

  it('refuses usernames with direction characters', async () => {
    const r = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'anne\u202E', password: 'a long staff password', role: 'caseworker' }) });
    expect(r.status).toBe(400);
  });
});

describe('lone surrogates', () => {
  it('are refused in any JSON body with 400 invalid_text', async () => {
    const login = await server.request('/api/v1/staff/login', { method: 'POST', body: '{"username":"admin\\ud800","password":"x"}' });
    expect(login.status).toBe(400);
    expect(login.json.error.code).toBe('invalid_text');
    const enrol = await server.request('/api/v1/devices/enroll', { method: 'POST', body: `{"code":"${ENROLLMENT_CODE}","name":"K\\udc00","kind":"kiosk"}` });
    expect(enrol.status).toBe(400);
  });

  it('in a sealed citizen field make the envelope invalid, naming the field', async () => {
    const { envelope } = await testEnvelope(device.serverKey, { data: { name: 'Anne \ud800', message: 'hej' } });
    const r = await server.submit(device.token, { submissions: [envelope] });
    expect(r.json.results[0]).toMatchObject({ status: 'invalid', errors: [{ path: 'name', code: 'format' }] });
  });
});

describe('unknown keys in sealed data', () => {
  it('refuses __proto__ in data, even where the schema would copy it away', async () => {
    const data = JSON.parse('{"name":"Anne","message":"hej","__proto__":{"isAdmin":true}}') as Record<string, unknown>;
    const { envelope } = await testEnvelope(device.serverKey, { data });
    const r = await server.submit(device.token, { submissions: [envelope] });
    expect(r.json.results[0], JSON.stringify(r.json)).toMatchObject({ status: 'invalid', errors: [{ path: '__proto__', code: 'notAllowed' }] });
  });

  it('refuses an unknown key beside a real form\'s fields', async () => {
    const { envelope } = await testEnvelope(device.serverKey, { type: 'device-test', data: { note: 'device-test', sentAt: new Date().toISOString(), padding: 'x'.repeat(1000) } });
    const r = await server.submit(device.token, { submissions: [envelope] });
    expect(r.json.results[0].status).toBe('invalid');
    expect(r.json.results[0].errors).toContainEqual({ path: 'padding', code: expect.any(String) });
  });
});
