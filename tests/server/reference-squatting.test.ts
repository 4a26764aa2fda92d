import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { registerTestRequestType, testPayload } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { seal } from './seal.ts';

/**
 * A reference is printed on the citizen's receipt. Anyone holding some device's token might read
 * it and store an envelope under it before the kiosk syncs: that must never make the citizen's
 * real request a `conflict`.
 */

let server: TestServer;
let kioskA: EnrollResponse;
let squatter: EnrollResponse;
let admin: string;

beforeAll(async () => {
  registerTestRequestType();
  server = await startTestServer();
  kioskA = await server.enroll('Kiosk A');
  squatter = await server.enroll('Kiosk B');
  admin = await server.login();
});
afterAll(() => server.close());

const status = async (token: string, envelope: unknown) => (await server.submit(token, { submissions: [envelope] })).json.results[0].status;

describe('reference squatting', () => {
  it('stores the real request although another device stored first under its reference, and staff tell them apart', async () => {
    const real = testPayload({ data: { name: 'Anne Jensen', message: 'Den rigtige' } });
    const realEnvelope = await seal(real, crypto.randomUUID(), kioskA.serverKey);
    // The squatter copies the reference off A's receipt, before A has synced.
    const fake = await seal(testPayload({ reference: real.reference, data: { name: 'X', message: 'Falsk' } }), crypto.randomUUID(), squatter.serverKey);
    expect(await status(squatter.token, fake)).toBe('stored');

    expect(await status(kioskA.token, realEnvelope)).toBe('stored');
    // Contract v1 still holds for the device that made the reference: a resend is a duplicate,
    // other content under its reference a conflict.
    expect(await status(kioskA.token, realEnvelope)).toBe('duplicate');
    const other = await seal({ ...real, data: { name: 'Anne Jensen', message: 'Ændret' } }, crypto.randomUUID(), kioskA.serverKey);
    expect(await status(kioskA.token, other)).toBe('conflict');

    const listed = (await server.staff(admin, '/submissions')).json.submissions as { id: string; reference: string; deviceName: string }[];
    const both = listed.filter((s) => s.reference === real.reference);
    expect(both.map((s) => [s.id, s.deviceName]).sort()).toEqual(
      [
        [realEnvelope.id, 'Kiosk A'],
        [fake.id, 'Kiosk B'],
      ].sort(),
    );
    expect((await server.staff(admin, `/submissions/${realEnvelope.id}`)).json.payload.data.message).toBe('Den rigtige');
  });

  it('does not let another device replace a stored request by its id', async () => {
    const real = await seal(testPayload(), crypto.randomUUID(), kioskA.serverKey);
    expect(await status(kioskA.token, real)).toBe('stored');
    const copy = await seal(testPayload(), real.id, squatter.serverKey);
    expect(await status(squatter.token, copy)).toBe('conflict');
    const listed = (await server.staff(admin, '/submissions')).json.submissions as { id: string; deviceName: string }[];
    expect(listed.filter((s) => s.id === real.id).map((s) => s.deviceName)).toEqual(['Kiosk A']);
  });
});
