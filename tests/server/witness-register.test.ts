import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, SealedPayload } from '#contract/v1.ts';
import '#forms/index.ts';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { filesUnder } from './at-rest.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let tablet: EnrollResponse;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  tablet = await server.enroll('Tablet 1', 'tablet');
  admin = await server.login();
}, 60_000);
afterAll(() => server.close());

const DAY = 86_400_000;
const now = Date.now();

/** A home visit (the real form and its example answers) witnessed by `witnessCpr`, made `daysAgo` days ago. */
async function homeVisit(witnessCpr: string, daysAgo: number, type: 'home-visit' | 'get-digital-id' = 'home-visit'): Promise<string> {
  const overrides: Partial<SealedPayload> = {
    type,
    schemaVersion: type === 'home-visit' ? 1 : 2,
    createdAt: new Date(now - daysAgo * DAY).toISOString(),
    data: { ...examplePayloads[type], witnessCpr },
  };
  const { envelope } = await testEnvelope(tablet.serverKey, overrides);
  const r = await server.submit(tablet.token, { submissions: [envelope] });
  expect(r.json.results[0].status, JSON.stringify(r.json.results[0])).toBe('stored');
  return envelope.id;
}

const witnessOf = async (id: string) => {
  const r = await server.staff(admin, `/submissions/${id}`);
  expect(r.status, r.text).toBe(200);
  return r.json.witness;
};

describe('witness register', () => {
  it('flags the fourth case with the same witness within 120 days, not the first three', async () => {
    const ids = [];
    for (const daysAgo of [100, 60, 30, 0]) ids.push(await homeVisit('0202702345', daysAgo));
    expect(await witnessOf(ids[0]!)).toEqual({ seen: 1, times: 3, withinDays: 120, flagged: false });
    expect((await witnessOf(ids[2]!)).flagged).toBe(false);
    expect(await witnessOf(ids[3]!)).toEqual({ seen: 4, times: 3, withinDays: 120, flagged: true });
  });

  it('does not count a case 121 days before', async () => {
    const ids = [];
    for (const daysAgo of [121, 60, 30, 0]) ids.push(await homeVisit('0101602345', daysAgo));
    expect(await witnessOf(ids[3]!)).toEqual({ seen: 3, times: 3, withinDays: 120, flagged: false });
  });

  it('counts one witness across home visits and MitID requests, and keeps witnesses apart', async () => {
    await homeVisit('0303602345', 90);
    await homeVisit('0303602345', 50, 'get-digital-id');
    await homeVisit('0404602345', 40);
    await homeVisit('0303602345', 20);
    const fourth = await homeVisit('0303602345', 1, 'get-digital-id');
    expect(await witnessOf(fourth)).toMatchObject({ seen: 4, flagged: true });
  });

  it('answers null for a case without a witness', async () => {
    const { envelope } = await testEnvelope(tablet.serverKey);
    await server.submit(tablet.token, { submissions: [envelope] });
    expect(await witnessOf(envelope.id)).toBeNull();
  });

  it('keeps no witness CPR number in the database, in any form a reader could match', async () => {
    await homeVisit('3003702345', 5);
    for (const file of filesUnder(server.dir)) {
      const bytes = readFileSync(file);
      for (const form of ['3003702345', '300370-2345', '0202702345']) expect(bytes.includes(Buffer.from(form)), `${form} in ${file}`).toBe(false);
    }
  });
});
