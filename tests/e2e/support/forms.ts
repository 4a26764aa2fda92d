import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Helpers for the form engine's browser tests (tests/e2e/forms-*.browser.test.ts). Fields are found by their ids (src/app/form-flow/fields/field-props.ts). */

export const fieldId = (path: string) => `#f-${path.replaceAll('.', '-')}`;

export async function fillText(page: Page, path: string, value: string): Promise<void> {
  await page.locator(fieldId(path)).fill(value);
}

export async function fillDate(page: Page, path: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.locator(fieldId(path)).fill(String(Number(day)));
  await page.locator(`${fieldId(path)}-month`).fill(String(Number(month)));
  await page.locator(`${fieldId(path)}-year`).fill(year!);
}

export async function fillAddress(page: Page, path: string, a: Record<string, string>): Promise<void> {
  for (const [part, value] of Object.entries(a)) await page.locator(fieldId(`${path}.${part}`)).fill(value);
}

/** Picks a radio answer; the first option carries the field's own id, the others `<id>-<value>`. */
export async function choose(page: Page, path: string, value: string, first: string): Promise<void> {
  await page.locator(value === first ? fieldId(path) : `${fieldId(path)}-${value}`).check();
}

export const yesNo = (page: Page, path: string, yes: boolean) => choose(page, path, yes ? 'yes' : 'no', 'yes');

export async function signTyped(page: Page, path: string, name: string): Promise<void> {
  await page.locator(`${fieldId(path)}-typed`).check();
  await page.locator(`${fieldId(path)}-name`).fill(name);
}

export async function next(page: Page): Promise<void> {
  const heading = await page.locator('main h1').innerText();
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('main h1')).not.toHaveText(heading);
}

export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(violations.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/** What the screen shows (rendered text: display:none elements such as the print copy are not in it). */
export const screenText = (page: Page) => page.locator('body').innerText();

/**
 * Builds the printed copy as the browser's beforeprint does (src/app/form-flow/print-job.svelte.ts),
 * prints the page to PDF as the print CSS lays it out, removes the copy again (afterprint), and
 * returns its text (poppler's pdftotext). The variant is the class the Print buttons put on <html>
 * (src/app/form-flow/print.ts).
 */
export async function printedText(page: Page, variant: 'a4' | 'slip' = 'a4'): Promise<string> {
  return pdfText(await printedPdf(page, variant));
}

/** The copy as a PDF, built for printing and removed after, as printedText describes. */
export async function printedPdf(page: Page, variant: 'a4' | 'slip' = 'a4'): Promise<Buffer> {
  await page.evaluate((cls) => {
    dispatchEvent(new Event('beforeprint'));
    document.documentElement.classList.add(cls);
  }, `print-${variant}`);
  await expect(page.locator('.print-copy')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate((cls) => {
    document.documentElement.classList.remove(cls);
    dispatchEvent(new Event('afterprint'));
  }, `print-${variant}`);
  await expect(page.locator('.print-copy')).toHaveCount(0);
  return pdf;
}

/** The text of a PDF, as poppler's pdftotext lays it out. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-print-'));
  const file = join(dir, 'copy.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export type Language = 'da' | 'en';

/** One screen of a form in a test: fill it in; the runner checks axe and presses Next. */
export type StepFiller = (page: Page) => Promise<void>;

export const flowText = {
  // The receipt's heading: "saved" while the request waits on the kiosk (offline), "sent" once the server has it.
  da: { check: 'Tjek dine svar', send: 'Send anmodningen', receipt: 'Din anmodning er gemt på kiosken', sent: 'Din anmodning er sendt', problem: 'Der er problemer' },
  en: { check: 'Check your answers', send: 'Send the request', receipt: 'Your request is saved on this kiosk', sent: 'Your request has been sent', problem: 'There is a problem' },
} as const;

/**
 * Fills in a form step by step (axe on every step), sends it with the network cut and returns
 * the reference on the receipt and the text of the printed copy. The kiosk must be enrolled.
 */
export async function completeFormOffline(
  page: Page,
  context: import('@playwright/test').BrowserContext,
  service: string,
  language: Language,
  steps: StepFiller[],
  { screenshots = false } = {},
): Promise<{ reference: string; printed: string; screen: string }> {
  const { chooseLanguage } = await import('./kiosk.ts');
  await page.goto(`/service/${service}`);
  await chooseLanguage(page, language);
  for (const [i, fill] of steps.entries()) {
    await fill(page);
    await expectNoAxeViolations(page, `${service} ${language} step ${i + 1}`);
    if (screenshots) await screenshotBothSizes(page, `${service}-step${i + 1}-${language}`);
    await next(page);
  }
  await expect(page.locator('main h1')).toHaveText(flowText[language].check);
  await expectNoAxeViolations(page, `${service} ${language} check answers`);
  const screen = await screenText(page);
  await context.setOffline(true);
  try {
    await page.getByRole('button', { name: flowText[language].send }).click();
    await expect(page.locator('main h1')).toHaveText(flowText[language].receipt);
    const reference = (await page.locator('.receipt-reference').innerText()).trim();
    await expectNoAxeViolations(page, `${service} ${language} receipt`);
    if (screenshots) await screenshotBothSizes(page, `${service}-receipt-${language}`);
    return { reference, printed: await printedText(page), screen: screen + (await screenText(page)) };
  } finally {
    await context.setOffline(false);
  }
}

/** The screen as it is, in normal and in large print (test-results/screenshots/<name>[-large].png), back to normal after. */
export async function screenshotBothSizes(page: Page, name: string): Promise<void> {
  const { setLargePrint } = await import('./kiosk.ts');
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  await setLargePrint(page, true);
  await page.screenshot({ path: `test-results/screenshots/${name}-large.png`, fullPage: true });
  await setLargePrint(page, false);
}

/**
 * A made-up CPR number of someone who turns `age` in `days` days (from the test's Copenhagen
 * date): born in the 2000s, 7th digit 4, so that the century is unambiguous.
 */
export function cprTurning(age: number, days: number, today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const birthday = new Date(Date.UTC(y - age, m - 1, d + days));
  const dd = String(birthday.getUTCDate()).padStart(2, '0');
  const mm = String(birthday.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(birthday.getUTCFullYear() % 100).padStart(2, '0');
  return `${dd}${mm}${yy}4321`;
}

/** Read access to Digital Post (v3), up to "Check your answers": the citizen's CPR number, the reader's, and a date field. */
export async function fillReadAccess(page: Page, language: Language): Promise<void> {
  const { chooseLanguage } = await import('./kiosk.ts');
  await page.goto('/service/digital-post-read-access');
  await chooseLanguage(page, language);
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0703854321');
  await next(page);
  await fillText(page, 'readerName', 'Ole Hansen');
  await fillText(page, 'readerCpr', '1204702345');
  await choose(page, 'relation', 'family', 'family');
  await next(page);
  await choose(page, 'accessLevel', 'read', 'read');
  await yesNo(page, 'hasEndDate', true);
  await fillDate(page, 'endDate', '2027-12-31');
  await next(page);
  await page.locator(fieldId('declaration')).check();
  await signTyped(page, 'signature', 'Karen Hansen');
  await next(page);
  await expect(page.locator('main h1')).toHaveText(flowText[language].check);
}
