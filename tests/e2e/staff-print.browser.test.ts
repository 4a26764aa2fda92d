import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { requestType } from '#forms/index.ts';
import { pdfText } from './support/forms.ts';
import { adminApi, E2E_ADMIN, logInAt, storeSubmission } from './support/staff.ts';

// What a caseworker must never read on paper: a key, a camelCase field name or an option code.
const RAW = /fields\.|\.label\b|\.options\.|rules:|form-[a-z-]+:|\b[a-z]+[A-Z][a-zA-Z]*\b|^\s*(nearest|mitid|rented|health-card|true|false)\s*$/m;

function poppler(tool: 'pdffonts' | 'pdftotext', pdf: Buffer, ...args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'staff-print-'));
  const file = join(dir, 'case.pdf');
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

/** The text in reading order, one space between words: a table cell's wrapped words stay together. */
const readingOrder = (pdf: Buffer) => poppler('pdftotext', pdf).replace(/\s+/g, ' ');

test('prints a case as the municipality’s document: its name, the reference, the request in Danish, the answers, the history with notes, in IBM Plex Sans', async ({ page, request }) => {
  await adminApi(request);
  const { reference } = await storeSubmission(request, 'change-of-address', requestType('change-of-address')!.current, examplePayloads['change-of-address'], 'Kiosk på Østerbro');

  await logInAt(page, E2E_ADMIN);
  await page.getByRole('link', { name: reference }).click();
  await page.getByLabel('Note til historikken').fill('Borgeren har vist pas ved skranken');
  await page.getByRole('button', { name: 'Sæt under behandling' }).click();
  await expect(page.locator('#submission-status')).toHaveText('Under behandling');
  await expect(page.locator('.staff-case-print')).toContainText('Borgercenter');
  await page.evaluate(() => document.fonts.ready);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const text = pdfText(pdf);
  const words = readingOrder(pdf);
  for (const expected of ['Borgercenter', 'Kopi af henvendelse', 'Flytning', reference, 'Modtaget', 'Under behandling', 'Dit CPR-nummer', '010190-1234', 'Østergade 12, 2 th', 'Person 1', '150515-2345', 'Historik og noter', 'Borgeren har vist pas ved skranken', 'Kiosk på Østerbro']) {
    expect(words, expected).toContain(expected);
  }
  expect(text).not.toMatch(RAW);
  // Not the screen: no menu, buttons or audit log on paper.
  for (const screenOnly of ['Log ud', 'Tilbage til indbakken', 'Revisionslog for henvendelsen', 'Sæt under behandling']) expect(text).not.toContain(screenOnly);
  // The app's own font, not a serif fallback.
  const fonts = poppler('pdffonts', pdf);
  expect(fonts).toMatch(/IBMPlexSans/);
  expect(fonts).not.toMatch(/Serif|Times/i);
  writeFileSync('test-results/staff-case-print.pdf', pdf);

  // In English on request, the same document in English words.
  await page.getByRole('button', { name: 'Change language to English' }).click();
  const englishPdf = await page.pdf({ format: 'A4' });
  const english = readingOrder(englishPdf);
  for (const expected of ['Your CPR number', 'History and notes', 'In progress']) expect(english, expected).toContain(expected);
  expect(pdfText(englishPdf)).not.toMatch(RAW);
});
