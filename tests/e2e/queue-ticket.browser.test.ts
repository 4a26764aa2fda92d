import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { fillText, flowText, next, pdfText } from './support/forms.ts';
import { E2E_ADMIN, logInAt } from './support/staff.ts';

/** poppler's pdfinfo of a PDF: pages and page size. */
function pdfInfo(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-ticket-')), 'ticket.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

/** Blocking a digital ID: a short request; the first option of each choice. */
async function sendRequest(page: Page): Promise<void> {
  await page.goto('/service/block-digital-id');
  await page.locator('input[name="scheme"]').first().check();
  await next(page);
  await next(page);
  await page.locator('input[name="lost"]').first().check();
  await next(page);
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0703854321');
  await fillText(page, 'phone', '12345678');
  await next(page);
  await expect(page.locator('main h1')).toHaveText(flowText.da.check);
  await page.getByRole('button', { name: flowText.da.send }).click();
  await expect(page.locator('main h1')).toHaveText(/Din anmodning er (sendt|gemt på kiosken)/);
}

test('after a request the receipt prints a numbered queue ticket on the 80 mm roll, offline it prints none, and staff see it in "Venter nu"', async ({ browser }) => {
  // Three browser contexts, a PDF and a login: more than the usual minute on a busy machine.
  test.slow();
  const kioskContext = await browser.newContext();
  const page = await kioskContext.newPage();
  const name = `Kiosk Kø ${Date.now().toString(36)}`;
  await enrolKiosk(page, name);
  await sendRequest(page);
  // The browser's print dialog is replaced by a counter; the page is then printed to PDF as the printer would get it.
  await page.evaluate(() => {
    const w = window as unknown as { prints: number };
    w.prints = 0;
    window.print = () => void w.prints++;
  });
  const prints = () => page.evaluate(() => (window as unknown as { prints: number }).prints);

  await kioskContext.setOffline(true);
  await page.getByRole('button', { name: 'Tag et nummer' }).click();
  await expect(page.getByText('Kiosken har ikke forbindelse lige nu, så den kan ikke give dig et nummer.')).toBeVisible();
  expect(await prints()).toBe(0);
  await expect(page.locator('.queue-ticket-print')).toHaveCount(0);

  await kioskContext.setOffline(false);
  await page.getByRole('button', { name: 'Tag et nummer' }).click();
  const shown = page.locator('.queue-ticket-number');
  await expect(shown).toHaveText(/^\d+$/);
  const number = (await shown.textContent())!;
  await expect.poll(prints).toBe(1);
  await page.screenshot({ path: 'test-results/screenshots/queue-ticket-receipt-da.png', fullPage: true });

  await expect(page.locator('.queue-ticket-print')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.queue-ticket-print')).toHaveCount(0);
  const printed = pdfText(pdf);
  expect(printed).toContain('Dit nummer');
  expect(printed).toMatch(new RegExp(`^\\s*${number}\\s*$`, 'm'));
  // A ticket names nobody: no name, no CPR number, not even the reference.
  expect(printed).not.toContain('Karen');
  expect(printed).not.toMatch(/070385/);
  // One page of 80 × 100 mm (226.8 × 283.5 pt; Chromium rounds to whole CSS pixels).
  const info = pdfInfo(pdf);
  expect(info).toMatch(/^Pages:\s+1$/m);
  expect(info).toMatch(/^Page size:\s+22[67]\.\d+ x 28[23]\.\d+ pts/m);

  const officeContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const office = await officeContext.newPage();
  await logInAt(office, E2E_ADMIN);
  await office.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Venter nu' }).click();
  const row = office.locator('table.staff-waiting tbody tr').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').first()).toHaveText(number);
  await expect(row).toContainText('Venter');
  await office.screenshot({ path: 'test-results/screenshots/waiting-now-da.png', fullPage: true });
  // Other tests' tickets may wait before this one: call the next until this one is called.
  await expect(async () => {
    if (!(await row.textContent())?.includes('Kaldt af admin')) await office.getByRole('button', { name: 'Kald næste' }).click({ timeout: 2_000 });
    await expect(row).toContainText('Kaldt af admin', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await kioskContext.close();
  await officeContext.close();
});
