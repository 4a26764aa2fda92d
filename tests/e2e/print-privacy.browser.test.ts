import { expect, test, type Page } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { choose, fieldId, fillAddress, fillDate, fillReadAccess, fillText, flowText, next, pdfText, printedText, signTyped, yesNo, type Language } from './support/forms.ts';

/**
 * No full CPR number on anything the kiosk prints or leaves in its page: a kiosk printer is shared
 * and paper is left behind. Staff find the request by its reference or QR code.
 */

/** Every way the test's CPR numbers could be written in full. */
// Not the example in the field's hint (010190-1234), which the page shows on purpose.
const fullCpr = /0703854321|070385-4321|1204702345|120470-2345/;


/** Housing benefit: the citizen's CPR number and that of a person in the household. */
async function fillHousingBenefit(page: Page): Promise<void> {
  await page.goto('/service/housing-benefit');
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0703854321');
  await fillText(page, 'email', 'karen@example.com');
  await next(page);
  await fillAddress(page, 'address', { street: 'Østergade', number: '12', postcode: '8000', town: 'Aarhus C' });
  await yesNo(page, 'moveReported', true);
  await choose(page, 'housingType', 'rented', 'rented');
  await fillDate(page, 'movedInDate', '2024-03-01');
  await fillText(page, 'rent', '6500');
  await fillText(page, 'area', '65');
  await next(page);
  await yesNo(page, 'othersInHome', true);
  await fillText(page, 'members.0.memberName', 'Ole Hansen');
  await fillText(page, 'members.0.memberCpr', '1204702345');
  await fillText(page, 'members.0.memberIncome', '120000');
  await next(page);
  await fillText(page, 'income', '250000');
  await yesNo(page, 'assets', false);
  await next(page);
  await page.locator(fieldId('declaration')).check();
  await signTyped(page, 'signature', 'Karen Hansen');
  await next(page);
  await expect(page.locator('main h1')).toHaveText(flowText.da.check);
}

async function expectNoFullCprInPage(page: Page, where: string): Promise<void> {
  expect(await page.content(), `${where}: the page's HTML`).not.toMatch(fullCpr);
  expect(await page.locator('body').innerText(), `${where}: the screen`).not.toMatch(fullCpr);
  // The value of every input (a property, not in the HTML) as well.
  const values = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join(' '));
  expect(values, `${where}: input values`).not.toMatch(fullCpr);
}

test('the CPR field shows the number masked once entry is done, and check-answers never has it in full', async ({ page }) => {
  await page.goto('/service/digital-post-read-access');
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0703854321');
  await page.locator(fieldId('name')).focus();
  await expect(page.locator(fieldId('cpr'))).toHaveValue('070385-XXXX');
  await expectNoFullCprInPage(page, 'step 1 after entry');
  // Focus again: the masked text is selected, never the full number shown again.
  await page.locator(fieldId('cpr')).focus();
  await expect(page.locator(fieldId('cpr'))).toHaveValue('070385-XXXX');
  await page.locator(fieldId('name')).focus();
  await next(page);
  await fillText(page, 'readerName', 'Ole Hansen');
  await fillText(page, 'readerCpr', '1204702345');
  await page.locator(fieldId('readerName')).focus();
  await expect(page.locator(fieldId('readerCpr'))).toHaveValue('120470-XXXX');
  await expectNoFullCprInPage(page, 'step 2 after entry');
});

for (const language of ['da', 'en'] as Language[]) {
  test(`online in ${language}: the receipt says "sent", and neither it, its HTML nor the printed copy has a full CPR number`, async ({ page }) => {
    await enrolKiosk(page);
    await fillReadAccess(page, language);
    await expectNoFullCprInPage(page, 'check answers');
    await page.getByRole('button', { name: flowText[language].send }).click();
    await expect(page.locator('main h1')).toHaveText(flowText[language].sent);
    await expect(page.locator('main [role="status"]')).toContainText(language === 'da' ? 'Kommunen har modtaget din anmodning' : 'The municipality has received your request');
    await expect(page.locator('main')).not.toContainText(language === 'da' ? 'gemt på kiosken' : 'saved on this kiosk');
    await expectNoFullCprInPage(page, 'receipt');
    // The copy is not in the page until it is printed.
    await expect(page.locator('.print-copy')).toHaveCount(0);

    // The Print button builds the copy, the browser prints it, and it is gone again afterwards.
    await page.evaluate(() => {
      const w = window as unknown as { printedHtml?: string };
      window.print = () => {
        w.printedHtml = document.querySelector('.print-copy')?.outerHTML ?? '';
        dispatchEvent(new Event('afterprint'));
      };
    });
    await page.getByRole('button', { name: language === 'da' ? 'Udskriv en kopi' : 'Print a copy' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printedHtml?: string }).printedHtml ?? null)).not.toBeNull();
    const printedHtml = (await page.evaluate(() => (window as unknown as { printedHtml?: string }).printedHtml))!;
    expect(printedHtml).toContain('Ole Hansen');
    expect(printedHtml).not.toMatch(fullCpr);
    await expect(page.locator('.print-copy')).toHaveCount(0);
    await expect(page.locator('html')).not.toHaveClass(/print-a4/);

    const reference = (await page.locator('.receipt-reference').innerText()).trim();
    const printed = await printedText(page);
    expect(printed).toContain(reference);
    expect(printed).toContain('Ole Hansen');
    expect(printed).toContain('070385-XXXX');
    expect(printed).toContain('120470-XXXX');
    expect(printed).toContain(language === 'da' ? 'Sendt til kommunen' : 'Sent to the municipality');
    expect(printed).not.toMatch(fullCpr);
    const slip = await printedText(page, 'slip');
    expect(slip).toContain(reference);
    expect(slip).not.toMatch(fullCpr);
    await expectNoFullCprInPage(page, 'receipt after printing');
  });

  test(`offline in ${language}: the receipt says "saved on this kiosk" and turns to "sent" when the kiosk is back online`, async ({ page, context }) => {
    test.setTimeout(180_000);
    await enrolKiosk(page);
    await fillReadAccess(page, language);
    await context.setOffline(true);
    await page.getByRole('button', { name: flowText[language].send }).click();
    await expect(page.locator('main h1')).toHaveText(flowText[language].receipt);
    const main = page.locator('main');
    await expect(main).toContainText(language === 'da' ? 'Den er ikke sendt til kommunen endnu' : 'It has not been sent to the municipality yet');
    await expect(main).not.toContainText(language === 'da' ? 'modtaget' : 'received');
    await expectNoFullCprInPage(page, 'offline receipt');
    await page.screenshot({ path: `test-results/screenshots/receipt-saved-${language}.png`, fullPage: true });
    const printed = await printedText(page);
    expect(printed).toContain(language === 'da' ? 'Gemt på kiosken' : 'Saved on the kiosk');
    expect(printed).not.toMatch(fullCpr);

    // The outbox sends it when its retry is due (a backoff after the failed attempt offline).
    await context.setOffline(false);
    await expect(page.locator('main h1')).toHaveText(flowText[language].sent, { timeout: 90_000 });
    await expect(page.locator('main [role="status"]')).toContainText(language === 'da' ? 'Kommunen har modtaget din anmodning' : 'The municipality has received your request');
    await page.screenshot({ path: `test-results/screenshots/receipt-sent-${language}.png`, fullPage: true });
  });
}

test('offline with a person in the household: the printed copy masks both CPR numbers', async ({ page, context }) => {
  await enrolKiosk(page);
  await fillHousingBenefit(page);
  await context.setOffline(true);
  try {
    await page.getByRole('button', { name: flowText.da.send }).click();
    await expect(page.locator('main h1')).toHaveText(flowText.da.receipt);
    await expectNoFullCprInPage(page, 'receipt');
    const printed = await printedText(page);
    expect(printed).toContain('070385-XXXX');
    expect(printed).toMatch(/Person 1: Ole Hansen, 120470-XXXX/);
    expect(printed).not.toMatch(fullCpr);
  } finally {
    await context.setOffline(false);
  }
});

test('when the kiosk cannot keep the request, the paper copy masks every CPR number and has boxes to write them by hand', async ({ page }) => {
  // Not enrolled: submit() refuses, as with a full or closed database, and the paper is the fallback.
  await fillHousingBenefit(page);
  await page.getByRole('button', { name: flowText.da.send }).click();
  await expect(page.locator('main h1')).toHaveText('Din anmodning kunne ikke gemmes på kiosken');
  await expectNoFullCprInPage(page, 'failure page');
  const pdf = pdfText(await (await import('./support/forms.ts')).printedPdf(page));
  expect(pdf).toContain('Ikke sendt. Aflever denne kopi ved skranken.');
  expect(pdf).toContain('Skriv hele CPR-numrene i felterne');
  // One box for the citizen's number, one for the person in the household.
  expect(pdf.match(/Hele CPR-nummeret/g)).toHaveLength(2);
  expect(pdf).toContain('Hele CPR-nummeret, Person 1');
  expect(pdf).toMatch(/Underskrift\s+Dato/);
  expect(pdf).toContain('070385-XXXX');
  expect(pdf).not.toMatch(fullCpr);
  await page.evaluate(() => {
    dispatchEvent(new Event('beforeprint'));
    document.documentElement.classList.add('print-a4');
  });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'test-results/screenshots/print-not-sent-da.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => {
    document.documentElement.classList.remove('print-a4');
    dispatchEvent(new Event('afterprint'));
  });
  await expect(page.locator('.print-copy')).toHaveCount(0);
});
