import { expect, test, type Page } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { expectNoAxeViolations, fieldId, fillText, flowText, next, type Language } from './support/forms.ts';
import { chooseLanguage, setLargePrint, viewports } from './support/kiosk.ts';

/**
 * The receipt and the "could not be saved" page in both languages, print sizes and orientations:
 * axe finds nothing, and a screenshot of each is kept for a person to look at (test-results/screenshots).
 */

/** Blocking a digital ID: a short request whose receipt has the form's own next steps. The first option of each choice, whatever the configuration offers. */
async function fillCounterRequest(page: Page, language: Language): Promise<void> {
  await page.goto('/service/block-digital-id');
  await chooseLanguage(page, language);
  await page.locator('input[name="scheme"]').first().check();
  await next(page);
  await next(page);
  await page.locator('input[name="lost"]').first().check();
  await next(page);
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0703854321');
  await fillText(page, 'phone', '12345678');
  await next(page);
  await expect(page.locator('main h1')).toHaveText(flowText[language].check);
}

async function everyLayout(page: Page, name: string): Promise<void> {
  for (const large of [false, true]) {
    await setLargePrint(page, large);
    for (const [orientation, size] of Object.entries(viewports)) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `test-results/screenshots/${name}-${large ? 'large' : 'normal'}-${orientation}.png`, fullPage: true });
    }
    await expectNoAxeViolations(page, `${name} large=${large}`);
  }
  await setLargePrint(page, false);
  await page.setViewportSize(viewports.portrait);
}

for (const language of ['da', 'en'] as Language[]) {
  test(`receipts in ${language}: saved on the kiosk, then sent, in every layout`, async ({ page, context }) => {
    test.setTimeout(180_000);
    await enrolKiosk(page);
    await fillCounterRequest(page, language);
    await everyLayout(page, `check-answers-${language}`);
    await context.setOffline(true);
    await page.getByRole('button', { name: flowText[language].send }).click();
    await expect(page.locator('main h1')).toHaveText(flowText[language].receipt);
    // What the form says happens at the counter stands under "Once it has been sent".
    await expect(page.locator('main h3')).toHaveText(language === 'da' ? 'Når din anmodning er sendt' : 'Once your request has been sent');
    await everyLayout(page, `receipt-saved-${language}`);
    await context.setOffline(false);
    await expect(page.locator('main h1')).toHaveText(flowText[language].sent, { timeout: 90_000 });
    await expect(page.locator('main h3')).toHaveCount(0);
    await everyLayout(page, `receipt-sent-${language}`);
  });

  test(`the page for a request the kiosk could not keep, in ${language}, in every layout`, async ({ page }) => {
    // Not enrolled: the kiosk cannot keep the request.
    await fillCounterRequest(page, language);
    await page.getByRole('button', { name: flowText[language].send }).click();
    await expect(page.locator('main h1')).toHaveText(language === 'da' ? 'Din anmodning kunne ikke gemmes på kiosken' : 'Your request could not be saved on this kiosk');
    await expect(page.locator(fieldId('name'))).toHaveCount(0);
    await everyLayout(page, `receipt-failure-${language}`);
  });
}
