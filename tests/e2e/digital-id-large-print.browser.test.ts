import { expect, test, type Page } from '@playwright/test';
import { clockFor, validSteps } from './support/digital-id.ts';
import { fieldId, type Language } from './support/forms.ts';
import { chooseLanguage, setLargePrint } from './support/kiosk.ts';

/**
 * Large print doubles the text; the marks of the DKFDS radio buttons and checkboxes (drawn as
 * the label's ::before) must grow with it, and stay lined up with their text. Screenshots of a
 * radio and a checkbox step in both print sizes and languages go to test-results/screenshots/.
 */

interface Sizes { text: number; mark: number; markTop: number; paddingTop: number; lineHeight: number }

async function sizes(page: Page, selector: string): Promise<Sizes> {
  return page.locator(selector).evaluate((input) => {
    const label = input.nextElementSibling as HTMLElement;
    const mark = getComputedStyle(label, '::before');
    return {
      text: parseFloat(getComputedStyle(label).fontSize),
      mark: parseFloat(mark.width),
      markTop: parseFloat(mark.marginTop),
      paddingTop: parseFloat(getComputedStyle(label).paddingTop),
      lineHeight: parseFloat(getComputedStyle(label).lineHeight),
    };
  });
}

/** The mark's middle is level with the middle of the label's first line of text. */
function expectLinedUp(s: Sizes): void {
  const markMiddle = s.markTop + s.mark / 2;
  const lineMiddle = s.paddingTop + s.lineHeight / 2;
  expect(Math.abs(markMiddle - lineMiddle), 'the mark sits beside its text, not above or below').toBeLessThanOrEqual(s.lineHeight * 0.15);
}

for (const language of ['da', 'en'] as Language[]) {
  test(`radio buttons and checkboxes grow with the text in large print (${language})`, async ({ page }) => {
    // The NemID answers of validSteps: on a day NemID could still be ordered.
    await clockFor(page, 'get-digital-id');
    await page.goto('/service/get-digital-id');
    await chooseLanguage(page, language);
    const radio = fieldId('scheme');
    await page.locator(radio).check();
    const normalRadio = await sizes(page, radio);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `test-results/screenshots/digital-id/radios-${language}-normal.png` });
    await setLargePrint(page, true);
    const largeRadio = await sizes(page, radio);
    await page.screenshot({ path: `test-results/screenshots/digital-id/radios-${language}-large.png` });
    expect(largeRadio.text / normalRadio.text).toBeGreaterThanOrEqual(2);
    expect(largeRadio.mark / normalRadio.mark, 'the radio circle grows as much as the text').toBeGreaterThanOrEqual(largeRadio.text / normalRadio.text - 0.01);
    expectLinedUp(largeRadio);

    // The documents step: checkboxes.
    await setLargePrint(page, false);
    await validSteps['get-digital-id'][0]!(page);
    await page.locator('form button[type="submit"]').click();
    await validSteps['get-digital-id'][1]!(page);
    await page.locator('form button[type="submit"]').click();
    const checkbox = fieldId('documents');
    await page.locator(checkbox).check();
    const normalBox = await sizes(page, checkbox);
    await page.screenshot({ path: `test-results/screenshots/digital-id/checkboxes-${language}-normal.png` });
    await setLargePrint(page, true);
    const largeBox = await sizes(page, checkbox);
    await page.screenshot({ path: `test-results/screenshots/digital-id/checkboxes-${language}-large.png` });
    expect(largeBox.mark / normalBox.mark, 'the checkbox grows as much as the text').toBeGreaterThanOrEqual(largeBox.text / normalBox.text - 0.01);
    expectLinedUp(largeBox);
    expectLinedUp(normalBox);
    // The touch target of the input itself grows too (it sits under the drawn mark).
    const input = await page.locator(checkbox).boundingBox();
    expect(input!.width).toBeGreaterThanOrEqual(largeBox.mark - 1);
  });
}
