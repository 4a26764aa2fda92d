import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import '#forms/index.ts';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { testEnvelope, testPayload } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { seal } from './seal.ts';

/**
 * A kiosk has no staff member signed in: its token must never put a home visit, a rescued staff
 * draft or an "assisted by" into the back office. A tablet may send all three.
 */

let server: TestServer;
let kiosk: EnrollResponse;
let tablet: EnrollResponse;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  kiosk = await server.enroll('Kiosk 1', 'kiosk');
  tablet = await server.enroll('Tablet 1', 'tablet');
  admin = await server.login();
});
afterAll(() => server.close());

const homeVisit = (visitDate: string) =>
  testPayload({ type: 'home-visit', schemaVersion: 1, assisted: true, assistedBy: 'admin', data: { ...examplePayloads['home-visit'], visitDate } });

const staffDraft = () =>
  testPayload({
    type: 'staff-draft',
    assisted: true,
    assistedBy: 'admin',
    data: { formId: 'home-visit', formVersion: 1, stepIndex: 1, savedAt: new Date().toISOString(), staffUsername: 'admin', answers: { name: 'Karen Hansen' } },
  });

async function send(token: string, payload: ReturnType<typeof testPayload>, key: EnrollResponse['serverKey']) {
  const envelope = await seal(payload, crypto.randomUUID(), key);
  return { envelope, result: (await server.submit(token, { submissions: [envelope] })).json.results[0] };
}

describe('which device kind may send what', () => {
  const today = new Date().toISOString().slice(0, 10);

  it('refuses a home visit from a kiosk token as invalid, and stores nothing', async () => {
    const { envelope, result } = await send(kiosk.token, homeVisit(today), kiosk.serverKey);
    expect(result).toMatchObject({ status: 'invalid', errors: [{ path: 'type', code: 'not_for_device_kind' }] });
    expect((await server.staff(admin, `/submissions/${envelope.id}`)).status).toBe(404);
  });

  it('stores the same home visit from a tablet', async () => {
    const { result } = await send(tablet.token, homeVisit(today), tablet.serverKey);
    expect(result.status).toBe('stored');
  });

  it('refuses a rescued staff draft from a kiosk token', async () => {
    const { result } = await send(kiosk.token, staffDraft(), kiosk.serverKey);
    expect(result).toMatchObject({ status: 'invalid', errors: [{ path: 'type', code: 'not_for_device_kind' }] });
    expect((await send(tablet.token, staffDraft(), tablet.serverKey)).result.status).toBe('stored');
  });

  it('refuses a kiosk form that claims a staff member assisted', async () => {
    for (const claim of [{ assisted: true }, { assistedBy: 'admin' }, { assisted: true, assistedBy: 'admin' }]) {
      const { envelope } = await testEnvelope(kiosk.serverKey, claim);
      const result = (await server.submit(kiosk.token, { submissions: [envelope] })).json.results[0];
      expect(result).toMatchObject({ status: 'invalid', errors: [{ path: 'payload.assisted', code: 'not_for_device_kind' }] });
    }
  });

  it('still stores a kiosk form the citizen filled in alone', async () => {
    const { envelope } = await testEnvelope(kiosk.serverKey);
    expect((await server.submit(kiosk.token, { submissions: [envelope] })).json.results[0].status).toBe('stored');
  });
});
