import { expect, test, type Page } from '@playwright/test';
import { allScreens, chooseLanguage, expectNoRawKeys, openKiosk, setLargePrint, viewports } from './support/kiosk.ts';

/** Nothing sticks out sideways, and no two controls of the header overlap. */
async function expectLayoutIntact(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page scrolls sideways: something is cut off').toBeLessThanOrEqual(0);
  const boxes = await page.locator('.kiosk-toolbar button, .solution-heading a').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
  );
  for (const [i, a] of boxes.entries()) {
    expect(a.x + a.w, 'a header control is cut off at the right').toBeLessThanOrEqual(page.viewportSize()!.width);
    for (const b of boxes.slice(i + 1)) {
      const overlaps = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      expect(overlaps, 'two header controls overlap').toBe(false);
    }
  }
}

for (const screen of allScreens()) {
  test(`language and print switches work on the ${screen.name} screen`, async ({ page }) => {
    await openKiosk(page, screen.path);
    const danishHeading = await page.locator('main h1').innerText();
    await expectNoRawKeys(page);

    await chooseLanguage(page, 'en');
    await expect(page.locator('main h1')).not.toHaveText(danishHeading);
    await expectNoRawKeys(page);

    const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await setLargePrint(page, true);
    const large = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(large / normal, 'large print must at least double the text').toBeGreaterThanOrEqual(2);
    for (const viewport of Object.values(viewports)) {
      await page.setViewportSize(viewport);
      await expectLayoutIntact(page);
    }

    await chooseLanguage(page, 'da');
    await expect(page.locator('main h1')).toHaveText(danishHeading);
    await setLargePrint(page, false);
  });
}

test('switching language or print size keeps everything typed so far', async ({ page }) => {
  await openKiosk(page, '/setup');
  const field = page.locator('main input[type="text"]').first();
  await field.fill('Tekst der skal blive');
  await chooseLanguage(page, 'en');
  await setLargePrint(page, true);
  await expect(field).toHaveValue('Tekst der skal blive');
  await chooseLanguage(page, 'da');
  await expect(field).toHaveValue('Tekst der skal blive');
});
