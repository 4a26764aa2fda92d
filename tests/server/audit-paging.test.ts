import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let device: EnrollResponse;
let admin: string;
let caseworker: string;
let caseId: string;
let reference: string;

beforeAll(async () => {
  server = await startTestServer();
  device = await server.enroll();
  admin = await server.login();
  await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'pia', password: 'a long staff password', role: 'caseworker' }) });
  caseworker = await server.login('pia', 'a long staff password');
  const { envelope } = await testEnvelope(device.serverKey);
  await server.submit(device.token, { submissions: [envelope] });
  caseId = envelope.id;
  reference = envelope.reference;
  // Seven reads of the case by pia: seven entries with her as actor and the case as target.
  for (let i = 0; i < 7; i++) expect((await server.staff(caseworker, `/submissions/${caseId}`)).status).toBe(200);
}, 60_000);
afterAll(() => server.close());

describe('audit log paging and filters', () => {
  it('pages through a case\'s entries with a total, newest first, without gaps or repeats', async () => {
    const first = await server.staff(admin, `/audit?target=${caseId}&actor=pia&limit=3`);
    expect(first.status, first.text).toBe(200);
    expect(first.json.total).toBe(7);
    expect(first.json.entries).toHaveLength(3);
    const second = await server.staff(admin, `/audit?target=${caseId}&actor=pia&limit=3&offset=3`);
    const third = await server.staff(admin, `/audit?target=${caseId}&actor=pia&limit=3&offset=6`);
    expect(third.json.entries).toHaveLength(1);
    const ids = [...first.json.entries, ...second.json.entries, ...third.json.entries].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(7);
    const times = [...first.json.entries, ...second.json.entries, ...third.json.entries].map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('filters by user and by date', async () => {
    const byUser = await server.staff(admin, '/audit?actor=pia&action=read_submission');
    expect(byUser.json.total).toBe(7);
    expect(byUser.json.entries.every((e: { actor: string }) => e.actor === 'pia')).toBe(true);
    expect((await server.staff(admin, '/audit?actor=pia&to=2020-01-01')).json.total).toBe(0);
    // Her login and the seven reads.
    expect((await server.staff(admin, '/audit?actor=pia&from=2020-01-01')).json.total).toBe(8);
  });

  it('finds a case\'s entries by its reference, typed in any case and with or without hyphens', async () => {
    for (const typed of [reference, reference.toLowerCase(), reference.replace(/-/g, '')]) {
      const r = await server.staff(admin, `/audit?target=${encodeURIComponent(typed)}&actor=pia`);
      expect(r.json.total, typed).toBe(7);
    }
    expect((await server.staff(admin, '/audit?target=ZZZZ-ZZZZ-ZZZZ')).json.total).toBe(0);
  });

  it('refuses a bad offset with 400', async () => {
    expect((await server.staff(admin, '/audit?offset=-1')).status).toBe(400);
    expect((await server.staff(admin, '/audit?offset=abc')).status).toBe(400);
  });

  it('still lets a caseworker read one case\'s log, with its total, and nothing wider', async () => {
    const own = await server.staff(caseworker, `/audit?target=${caseId}`);
    expect(own.status).toBe(200);
    expect(own.json.total).toBeGreaterThanOrEqual(7);
    expect((await server.staff(caseworker, '/audit?actor=pia')).status).toBe(403);
  });
});

describe('audit log export', () => {
  it('exports the filtered log for Danish Excel: BOM, semicolons, Danish actions, references, Copenhagen times; audited', async () => {
    const r = await server.staff(admin, `/audit.csv?target=${caseId}&actor=pia`);
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="revisionslog.csv"');
    const bytes = Buffer.from(await (await fetch(`${server.url}/api/v1/staff/audit.csv?actor=pia`, { headers: { Cookie: admin } })).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Tidspunkt;Hvem;Handling;Gælder;Id;Detaljer');
    expect(lines).toHaveLength(1 + 7 + 1);
    const cells = lines[1]!.split(';');
    expect(cells[0]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(cells.slice(1, 5)).toEqual(['pia', 'Læst', reference, caseId]);
    const audit = await server.staff(admin, '/audit?action=export_audit_csv');
    // Both exports, newest first: pia's whole log (login and reads), then the case's reads.
    expect(audit.json.entries.map((e: { actor: string; detail: { count: number } }) => [e.actor, e.detail.count])).toEqual([['admin', 8], ['admin', 7]]);
  });

  it('is for admins only', async () => {
    const r = await server.staff(caseworker, `/audit.csv?target=${caseId}`);
    expect(r.status).toBe(403);
    expect((await server.request('/api/v1/staff/audit.csv')).status).toBe(401);
  });
});
