import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import '#forms/index.ts';
import { currentForms } from '#forms/definitions/index.ts';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { isTabletOnlyType } from '#forms/device-kinds.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let device: EnrollResponse;
let tablet: EnrollResponse;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  device = await server.enroll('Kiosk på Østerbro');
  // A home visit comes only from a staff tablet (src/forms/device-kinds.ts).
  tablet = await server.enroll('Tablet på Østerbro', 'tablet');
  admin = await server.login();
  for (const form of currentForms) {
    const sender = isTabletOnlyType(form.type) ? tablet : device;
    const { envelope } = await testEnvelope(sender.serverKey, { type: form.type, schemaVersion: form.schemaVersion, data: examplePayloads[form.id]! });
    const r = await server.submit(sender.token, { submissions: [envelope] });
    expect(r.json.results[0], JSON.stringify(r.json.results[0])).toMatchObject({ status: 'stored' });
  }
  // A server start and a submission per request type: slow on a busy machine, never a measure.
}, 120_000);
afterAll(() => server.close());

/** The bytes as Danish Excel gets them on a double click (fetch's text() would hide the byte-order mark). */
async function download(query = ''): Promise<Buffer> {
  const r = await fetch(`${server.url}/api/v1/staff/submissions.csv${query}`, { headers: { Cookie: admin } });
  expect(r.status).toBe(200);
  return Buffer.from(await r.arrayBuffer());
}

/** Reads the file as Excel with Danish regional settings does: BOM means UTF-8, `;` separates, `"` quotes. */
function readAsDanishExcel(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  expect(row.length === 0 && cell === '', 'ends with CRLF').toBe(true);
  return rows;
}

const locale = (ns: string) => JSON.parse(readFileSync(new URL(`../../locales/da/${ns}.json`, import.meta.url), 'utf8'));
// The back office's own name for a type where it has one (as the inbox shows it), else the form's title.
const danishTitle = (formId: string): string => locale('staff').types[formId] ?? locale(`form-${formId}`).title;

describe('CSV for Danish Excel', () => {
  it('opens in columns with Danish headings, and words, not codes, for every request type', async () => {
    const [header, ...rows] = readAsDanishExcel(await download());
    expect(header).toEqual(['Id', 'Reference', 'Type', 'Blanketversion', 'Status', 'Oprettet på enheden', 'Modtaget', 'Enheds-id', 'Enhed', 'Enhedstype', 'Udfyldt af en medarbejder', 'Medarbejder']);
    for (const form of currentForms) {
      const row = rows.find((r) => r[2] === danishTitle(form.id));
      expect(row, form.type).toBeDefined();
      expect(row![4]).toBe('Modtaget');
      expect(row![5]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
      expect(row![6]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
      const fromTablet = isTabletOnlyType(form.type);
      expect(row![8]).toBe(fromTablet ? 'Tablet på Østerbro' : 'Kiosk på Østerbro');
      expect(row![9]).toBe(fromTablet ? 'Tablet' : 'Kiosk');
      // A home visit is staff work: assisted, in words.
      expect(row![10]).toBe(fromTablet ? 'Ja' : 'Nej');
    }
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });

  it('keeps ø as ø: UTF-8 bytes after the byte-order mark', async () => {
    const bytes = await download();
    expect(bytes.includes(Buffer.from('Østerbro', 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from('Ã˜', 'utf8'))).toBe(false);
  });

  it('writes the received time on the Copenhagen clock', async () => {
    const [, ...rows] = readAsDanishExcel(await download());
    const now = new Date();
    const copenhagenDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', day: '2-digit', month: '2-digit', year: 'numeric' }).format(now).replaceAll('/', '-');
    expect(rows.some((r) => r[6]!.startsWith(copenhagenDay))).toBe(true);
  });

  it('answers in English on request', async () => {
    const [header, ...rows] = readAsDanishExcel(await download('?lang=en'));
    expect(header![4]).toBe('Status');
    expect(header![6]).toBe('Received');
    expect(rows[0]![4]).toBe('Received');
    expect(rows.every((r) => ['Yes', 'No'].includes(r[10]!))).toBe(true);
    expect(rows.some((r) => r[10] === 'No')).toBe(true);
  });
});

describe('CSV language as an attacker might send it', () => {
  it.each(['xx', '<script>', 'en;', 'EN', ''])('falls back to Danish for lang=%j', async (lang) => {
    const [header] = readAsDanishExcel(await download(`?lang=${encodeURIComponent(lang)}`));
    expect(header![6]).toBe('Modtaget');
  });
});
