import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
// The server registers every request type this way (src/server/main.ts); staff-draft is one of them.
import '#forms/index.ts';
import { testEnvelope, testPayload } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { seal } from './seal.ts';

/** Staff on a tablet fill in forms for citizens; the sealed payload says so and names who. */

let server: TestServer;
let device: EnrollResponse;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  device = await server.enroll('Tablet 1', 'tablet');
  admin = await server.login();
});
afterAll(() => server.close());

describe('assisted submissions', () => {
  it('stores an envelope with assisted and assistedBy, and staff read both back', async () => {
    const { envelope, payload } = await testEnvelope(device.serverKey, { assisted: true, assistedBy: 'anna.staff' });
    expect((await server.submit(device.token, { submissions: [envelope] })).json.results[0].status).toBe('stored');
    const read = await server.staff(admin, `/submissions/${envelope.id}`);
    expect(read.json.payload).toEqual(payload);
    expect(read.json.payload).toMatchObject({ assisted: true, assistedBy: 'anna.staff' });
  });

  it('still stores an envelope without either, as older devices send', async () => {
    const { envelope, payload } = await testEnvelope(device.serverKey);
    expect((await server.submit(device.token, { submissions: [envelope] })).json.results[0].status).toBe('stored');
    const read = await server.staff(admin, `/submissions/${envelope.id}`);
    expect(read.json.payload).toEqual(payload);
    expect(read.json.payload).not.toHaveProperty('assistedBy');
  });

  it.each([['empty', ''], ['too long', 'a'.repeat(101)], ['not text', 42]])('refuses an assistedBy that is %s', async (_what, assistedBy) => {
    const { envelope } = await testEnvelope(device.serverKey, { assisted: true, assistedBy: assistedBy as string });
    const result = (await server.submit(device.token, { submissions: [envelope] })).json.results[0];
    expect(result.status).toBe('invalid');
    expect(result.errors[0].path).toBe('payload.assistedBy');
  });

  it('stores a rescued staff draft with its partial answers', async () => {
    const payload = testPayload({
      type: 'staff-draft',
      assisted: true,
      assistedBy: 'anna.staff',
      data: {
        formId: 'home-visit',
        formVersion: 1,
        stepIndex: 3,
        savedAt: '2026-11-23T10:00:00.000Z',
        staffUsername: 'anna.staff',
        answers: { name: 'Karen Hansen', witnessName: 'Ole' },
      },
    });
    const envelope = await seal(payload, crypto.randomUUID(), device.serverKey);
    expect((await server.submit(device.token, { submissions: [envelope] })).json.results[0].status).toBe('stored');
    expect((await server.staff(admin, `/submissions/${envelope.id}`)).json.payload.data.answers).toEqual({ name: 'Karen Hansen', witnessName: 'Ole' });
  });
});
