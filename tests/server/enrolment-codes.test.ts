import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(() => server.close());
afterEach(() => vi.useRealTimers());

const makeCode = (body: unknown, cookie = admin) => server.staff(cookie, '/enrolment-codes', { method: 'POST', body: JSON.stringify(body) });
const enrol = (code: string) => server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code, name: 'Kiosk', kind: 'kiosk' }) });

describe('enrolment codes made by admins', () => {
  it('answers the code once, with its expiry, and it enrols devices (in any case) until then', async () => {
    const before = Date.now();
    const r = await makeCode({ expiresInHours: 24 });
    expect(r.status).toBe(201);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const expires = Date.parse(r.json.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(24 * 3600_000 + 5000);
    expect((await enrol(r.json.code)).status).toBe(201);
    expect((await enrol(` ${r.json.code.toLowerCase()} `)).status).toBe(201);
  });

  it('stops enrolling once the code has expired', async () => {
    const { code } = (await makeCode({ expiresInHours: 1 })).json;
    expect((await enrol(code)).status).toBe(201);
    // Only Date is faked: the server, in this process, then believes two hours have passed.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    const late = await enrol(code);
    expect(late.status).toBe(403);
    expect(late.json.error.code).toBe('wrong_enrollment_code');
  });

  it('keeps the ENROLLMENT_CODE of the environment working', async () => {
    expect((await enrol(ENROLLMENT_CODE)).status).toBe(201);
  });

  it('refuses an expiry outside 1 to 168 hours', async () => {
    for (const expiresInHours of [0, 169, 1.5, '24']) expect((await makeCode({ expiresInHours })).status).toBe(400);
  });
});
