import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, SealedPayload } from '#contract/v1.ts';
import { registerRequestType, requestType } from '#forms/registry.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

/**
 * What staff tablets send: assisted submissions, rescued drafts (`staff-draft`) and home visits.
 * The real schemas live in src/forms; here loose stand-ins are registered so that the server's
 * side is tested on its own: the back office must show any shape it is given.
 */
for (const type of ['staff-draft', 'home-visit']) {
  if (!requestType(type)) registerRequestType({ type, current: 1, versions: { 1: v.record(v.string(), v.unknown()) } });
}

let server: TestServer;
let tablet: EnrollResponse;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  tablet = await server.enroll('Tablet 1', 'tablet');
  admin = await server.login();
});
afterAll(() => server.close());

async function store(overrides: Partial<SealedPayload> & { assistedBy?: string }): Promise<string> {
  const { envelope } = await testEnvelope(tablet.serverKey, overrides);
  const r = await server.submit(tablet.token, { submissions: [envelope] });
  expect(r.json.results[0].status, JSON.stringify(r.json.results[0])).toBe('stored');
  return envelope.id;
}

const row = async (id: string) => {
  const r = await server.staff(admin, `/submissions?limit=10000`);
  return (r.json.submissions as { id: string; assisted: boolean | null }[]).find((s) => s.id === id);
};

describe('assisted submissions', () => {
  it('marks an assisted submission in the list, the CSV and the detail, and a citizen\'s own as not assisted', async () => {
    const assisted = await store({ assisted: true, assistedBy: 'anne' });
    const own = await store({});
    expect(await row(assisted)).toMatchObject({ assisted: true });
    expect(await row(own)).toMatchObject({ assisted: false });

    const csv = (await server.staff(admin, '/submissions.csv?lang=en')).text.split('\r\n');
    const columns = csv[0]!.split(';');
    const cell = (id: string, name: string) => csv.find((line) => line.startsWith(id))!.split(';')[columns.indexOf(name)];
    expect(cell(assisted, 'Filled in by staff')).toBe('Yes');
    expect(cell(own, 'Filled in by staff')).toBe('No');
    // Sent without a staff credential: the name the payload claims is never vouched for.
    expect(cell(assisted, 'Staff member')).toBe('');

    const detail = (await server.staff(admin, `/submissions/${assisted}`)).json;
    expect(detail.assisted).toBe(true);
    expect(detail.payload.assisted).toBe(true);
    expect((await server.staff(admin, `/submissions/${own}`)).json.assisted).toBe(false);
  });

  it('keeps the flag as plain metadata at ingest, and no name the payload claims without a staff credential', async () => {
    const assisted = await store({ assisted: true, assistedBy: 'anne' });
    const own = await store({});
    const db = new BetterSqlite3(join(server.dir, 'data', 'kiosk.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const flag = db.prepare('SELECT assisted, assisted_by FROM submissions WHERE id = ?');
      expect(flag.get(assisted)).toEqual({ assisted: 1, assisted_by: null });
      expect(flag.get(own)).toEqual({ assisted: 0, assisted_by: null });
    } finally {
      db.close();
    }
  });

  it('learns the flag from a detail read too, before the row was ever listed', async () => {
    const id = await store({ assisted: true });
    expect((await server.staff(admin, `/submissions/${id}`)).json.assisted).toBe(true);
    expect(await row(id)).toMatchObject({ assisted: true });
  });

  it('does not audit the flag\'s filling-in as a read: no person saw the answers', async () => {
    const id = await store({ assisted: true });
    await row(id);
    expect((await server.staff(admin, `/audit?target=${id}`)).json.entries).toEqual([]);
  });
});

describe('request types the forms may not know yet', () => {
  it('stores and answers a rescued staff-draft and a home-visit like any other type', async () => {
    const draft = await store({
      type: 'staff-draft',
      data: { formId: 'get-digital-id', formVersion: 1, stepIndex: 2, savedAt: '2026-11-23T10:00:00.000Z', staffUsername: 'anne', answers: { name: 'Ida', nested: { a: [1, 2] } } },
    });
    const visit = await store({ type: 'home-visit', assisted: true, data: { witness: { name: 'Bo' } } });
    const detail = (await server.staff(admin, `/submissions/${draft}`)).json;
    expect(detail.type).toBe('staff-draft');
    expect(detail.payload.data.answers.nested).toEqual({ a: [1, 2] });
    expect((await server.staff(admin, '/submissions?type=home-visit')).json.submissions.map((s: { id: string }) => s.id)).toEqual([visit]);
    expect((await server.staff(admin, '/submission-types')).json.types).toEqual(expect.arrayContaining(['home-visit', 'staff-draft', 'test-note']));
    const types = (await server.staff(admin, '/submission-types')).json.types as string[];
    expect(types).toEqual([...types].sort());
    expect(new Set(types).size).toBe(types.length);
  });
});
