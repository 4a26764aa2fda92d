import { expect, test, type Page } from '@playwright/test';
import { clockFor, digitalIdServices, validSteps } from './support/digital-id.ts';
import { enrolKiosk } from './support/enrol.ts';
import { expectNoAxeViolations, flowText, type Language } from './support/forms.ts';
import { chooseLanguage, expectNoRawKeys, setLargePrint, viewports } from './support/kiosk.ts';

/**
 * Every step of the six digital-ID flows, the error summary, the check-answers page and the
 * receipt: axe in both print sizes and both languages. In large print the layout must hold at the
 * kiosk's portrait screen and a landscape tablet (nothing cut off sideways, Next reachable and
 * not covered), and a screenshot of each screen is written to test-results/screenshots/.
 */

/** Nothing sticks out sideways, and every button and field is inside the screen's width and not covered. */
async function expectLayoutHolds(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  const width = page.viewportSize()!.width;
  const controls = await page.locator('main button, main input:not(.form-radio, .form-checkbox), main textarea, main label').evaluateAll((els) =>
    els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => ({ right: e.getBoundingClientRect().right, text: (e.textContent ?? '').trim().slice(0, 40) })),
  );
  for (const c of controls) expect(c.right, `${what}: "${c.text}" is cut off at the right`).toBeLessThanOrEqual(width);
  const primary = page.locator('main .button-primary').last();
  if ((await primary.count()) > 0) {
    await primary.scrollIntoViewIfNeeded();
    const covered = await primary.evaluate((button) => {
      const r = button.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !(hit && (hit === button || button.contains(hit)));
    });
    expect(covered, `${what}: the main button is covered`).toBe(false);
  }
}

async function checkScreen(page: Page, what: string, shot: string): Promise<void> {
  await expectNoRawKeys(page);
  await expectNoAxeViolations(page, `${what}, normal print`);
  await setLargePrint(page, true);
  await expectNoAxeViolations(page, `${what}, large print`);
  await page.evaluate(() => document.fonts.ready);
  for (const [orientation, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    await expectLayoutHolds(page, `${what}, large print, ${orientation}`);
    await page.screenshot({ path: `test-results/screenshots/digital-id/${shot}-large-${orientation}.png`, fullPage: true });
  }
  await page.setViewportSize(viewports.portrait);
  await setLargePrint(page, false);
}

for (const service of digitalIdServices) {
  for (const language of ['da', 'en'] as Language[]) {
    test(`${service} in ${language}: axe on every step in both print sizes, and large print holds`, async ({ page, context }) => {
      test.setTimeout(240_000);
      await clockFor(page, service);
      await enrolKiosk(page);
      await page.goto(`/service/${service}`);
      await chooseLanguage(page, language);
      const steps = validSteps[service];
      for (const [i, fill] of steps.entries()) {
        const shot = `${service}-${language}-step${i + 1}`;
        const asks = (await page.locator('main form .form-group').count()) > 0;
        if (asks) {
          // With every answer missing: the error summary and the inline messages.
          await page.locator('form button[type="submit"]').click();
          await expect(page.locator('.alert.alert-error[role="alert"]')).toBeVisible();
          await checkScreen(page, `${service} ${language} step ${i + 1} with errors`, `${shot}-errors`);
        }
        await fill(page);
        await checkScreen(page, `${service} ${language} step ${i + 1}`, shot);
        const heading = await page.locator('main h1').innerText();
        await page.locator('form button[type="submit"]').click();
        await expect(page.locator('main h1')).not.toHaveText(heading);
      }
      await expect(page.locator('main h1')).toHaveText(flowText[language].check);
      await checkScreen(page, `${service} ${language} check answers`, `${service}-${language}-check`);
      await context.setOffline(true);
      try {
        await page.getByRole('button', { name: flowText[language].send }).click();
        await expect(page.locator('main h1')).toHaveText(flowText[language].receipt);
        await checkScreen(page, `${service} ${language} receipt`, `${service}-${language}-receipt`);
      } finally {
        await context.setOffline(false);
      }
    });
  }
}
