import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, Envelope } from '#contract/v1.ts';
import '#forms/index.ts';
import { requestType } from '#forms/registry.ts';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { newReference } from '#domain/reference.ts';
import { filesUnder } from './at-rest.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { seal } from './seal.ts';

const CASES = 2006;
const FIRST = ['Anne', 'Mette', 'Jens', 'Lars', 'Hanne', 'Peter', 'Kirsten', 'Niels', 'Susanne', 'Michael'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen'];
/** The case to find: a name with æøå and a mover (a group row) with a CPR number of their own. */
const TARGET = { name: 'Søren Ærø-Østergård', cpr: '2412851234', moverName: 'Birgitte Quistgaard', moverCpr: '1103927788' };
const TARGET_INDEX = 1234;

let server: TestServer;
let kiosk: EnrollResponse;
let admin: string;
let targetId: string;
let targetReference: string;
const type = 'change-of-address';

function caseData(i: number): Record<string, unknown> {
  if (i === TARGET_INDEX) return { ...examplePayloads[type], name: TARGET.name, cpr: TARGET.cpr, movers: [{ moverName: TARGET.moverName, moverCpr: TARGET.moverCpr }] };
  return { ...examplePayloads[type], name: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`, cpr: `0202${String(i).padStart(6, '0')}`, othersMoving: false, movers: undefined };
}

beforeAll(async () => {
  server = await startTestServer();
  kiosk = await server.enroll('Kiosk Søg');
  admin = await server.login();
  const schemaVersion = requestType(type)!.current;
  for (let start = 0; start < CASES; start += 100) {
    const batch: Envelope[] = [];
    for (let i = start; i < Math.min(CASES, start + 100); i++) {
      const reference = newReference();
      // One case a minute, so received order and created order are known.
      const createdAt = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
      const envelope = await seal({ type, schemaVersion, reference, createdAt, data: caseData(i) }, randomUUID(), kiosk.serverKey);
      if (i === TARGET_INDEX) [targetId, targetReference] = [envelope.id, reference];
      batch.push(envelope);
    }
    const r = await server.submit(kiosk.token, { submissions: batch });
    expect(r.status, r.text).toBe(200);
    expect(r.json.results.filter((x: { status: string }) => x.status !== 'stored'), r.text).toEqual([]);
  }
}, 600_000);
afterAll(() => server.close());

const list = async (query: string) => {
  const r = await server.staff(admin, `/submissions?${query}`);
  expect(r.status, r.text).toBe(200);
  return r.json as { submissions: { id: string; reference: string; type: string; status: string; createdAt: string }[]; total: number };
};

describe('finding a case among 2,006', () => {
  it('finds it by its reference in three spellings', async () => {
    const bare = targetReference.replace(/-/g, '');
    for (const spelling of [targetReference, bare.toLowerCase(), ` ${bare.slice(0, 6)} ${bare.slice(6).toLowerCase()} `]) {
      const found = await list(`reference=${encodeURIComponent(spelling)}`);
      expect(found.total, spelling).toBe(1);
      expect(found.submissions.map((s) => s.id)).toEqual([targetId]);
    }
  });

  it('shows the citizen\'s name on a page the size of the inbox\'s, and on none larger', async () => {
    const page = await list(`reference=${targetReference}&limit=100`);
    expect(page.submissions.map((s) => (s as { citizenName?: string }).citizenName)).toEqual([TARGET.name]);
    const big = await list(`reference=${targetReference}&limit=101`);
    expect(big.submissions.map((s) => (s as { citizenName?: string }).citizenName)).toEqual([undefined]);
  });

  it('refuses a reference whose check symbol is wrong, saying so', async () => {
    const last = targetReference.at(-1)!;
    const wrong = targetReference.slice(0, -1) + (last === '0' ? '1' : '0');
    const r = await server.staff(admin, `/submissions?reference=${wrong}`);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/check symbol/);
  });

  it('finds it by the citizen\'s CPR number, with or without the hyphen, and by a mover\'s', async () => {
    for (const cpr of [TARGET.cpr, `${TARGET.cpr.slice(0, 6)}-${TARGET.cpr.slice(6)}`, TARGET.moverCpr]) {
      const found = await list(`cpr=${cpr}`);
      expect(found.submissions.map((s) => s.id), cpr).toEqual([targetId]);
    }
    expect((await list('cpr=0202001235')).total).toBe(1);
    expect((await list('cpr=3112999999')).total).toBe(0);
    expect((await server.staff(admin, '/submissions?cpr=12345')).status).toBe(400);
  });

  it('finds it by whole name tokens, in any case and with æøå, and by a mover\'s name', async () => {
    for (const q of ['Ærø', 'søren østergård', 'SØREN', 'quistgaard']) {
      const found = await list(`q=${encodeURIComponent(q)}`);
      expect(found.submissions.map((s) => s.id), q).toEqual([targetId]);
    }
    // Ø is a letter of its own: "Oster" is not "Øster", and part of a token is no match.
    expect((await list(`q=${encodeURIComponent('Ostergard')}`)).total).toBe(0);
    expect((await list(`q=${encodeURIComponent('Søre')}`)).total).toBe(0);
    // Every token must match: Anne is FIRST[0], Jensen is LAST[0]; both hold for i ≡ 0 (mod 110).
    const anneJensen = await list(`q=${encodeURIComponent('anne jensen')}&limit=100`);
    expect(anneJensen.total).toBe(Math.ceil(CASES / 110) - (TARGET_INDEX % 110 === 0 ? 1 : 0));
  });

  it('pages with the total, and the pages together are every case once', async () => {
    const first = await list('limit=100');
    expect(first.total).toBe(CASES);
    expect(first.submissions).toHaveLength(100);
    const last = await list('limit=100&offset=2000');
    expect(last.total).toBe(CASES);
    expect(last.submissions).toHaveLength(6);
    const all = await list('limit=10000');
    expect(new Set(all.submissions.map((s) => s.id)).size).toBe(CASES);
  });

  it('sorts by creation date both ways, and by type and status', async () => {
    const asc = await list('sort=createdAt&limit=3');
    expect(asc.submissions.map((s) => s.createdAt)).toEqual([0, 1, 2].map((i) => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString()));
    const desc = await list('sort=-createdAt&limit=1');
    expect(desc.submissions[0]!.createdAt).toBe(new Date(Date.UTC(2026, 10, 1) + (CASES - 1) * 60_000).toISOString());
    const moved = await server.staff(admin, `/submissions/${targetId}/transition`, { method: 'POST', body: JSON.stringify({ to: 'in_progress' }) });
    expect(moved.status, moved.text).toBe(200);
    // Statuses sort by their code: in_progress comes before received.
    expect((await list('sort=status&limit=1')).submissions[0]!.id).toBe(targetId);
    expect((await list('sort=-status&limit=1')).submissions[0]!.id).not.toBe(targetId);
    expect((await list('sort=type&limit=1')).submissions[0]!.type).toBe(type);
    expect((await server.staff(admin, '/submissions?sort=name')).status).toBe(400);
  });

  it('keeps no CPR number or name in plain text in any byte of the SQLite files', async () => {
    const files = filesUnder(join(server.dir, 'data'));
    expect(files.length).toBeGreaterThan(0);
    const needles = [TARGET.cpr, TARGET.moverCpr, '0202001235', 'Ærø', 'ærø', 'Quistgaard', 'quistgaard', 'Birgitte', 'søren', 'Søren', 'Sørensen', 'Christensen', 'christensen', 'Kirsten'];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(Buffer.from(needle, 'utf8')), `${file} holds ${needle}`).toBe(false);
    }
  });
});
