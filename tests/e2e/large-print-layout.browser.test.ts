import { expect, test, type Locator, type Page } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { choose, fieldId, fillReadAccess, fillText, flowText, next, yesNo, type Language } from './support/forms.ts';
import { chooseLanguage, setLargePrint, viewports } from './support/kiosk.ts';

/** Large print, landscape and the header's Finish: the layout defects a citizen met, and the question Finish asks. */

type Box = { x: number; y: number; width: number; height: number };
// The glyphs' ink for the reference is measured in the page (canvas measureText) with its own font.
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;


/** The rectangles of the reference's text, one per line fragment, from the Range API. */
function lineRects(reference: Locator): Promise<Box[]> {
  return reference.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return [...range.getClientRects()].filter((r) => r.width > 0).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
  });
}

/** The bounding rectangle of an element's text. */
function textBox(element: Locator): Promise<Box> {
  return element.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

for (const language of ['da', 'en'] as Language[]) {
  test(`large print, portrait, ${language}: the reference's lines do not overlap and no group of four is split`, async ({ page, context }) => {
    await enrolKiosk(page);
    await fillReadAccess(page, language);
    await setLargePrint(page, true);
    await context.setOffline(true);
    try {
      await page.getByRole('button', { name: flowText[language].send }).click();
      await expect(page.locator('main h1')).toHaveText(flowText[language].receipt);
    } finally {
      await context.setOffline(false);
    }
    await expectCleanReference(page);
    // Narrower than any kiosk, so that it must wrap: then only after a hyphen, with room between the lines.
    await page.setViewportSize({ width: 420, height: 1000 });
    expect(await expectCleanReference(page), 'lines').toBeGreaterThanOrEqual(2);
    await page.locator('.receipt-reference').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/receipt-large-narrow-${language}.png` });
    await page.setViewportSize(viewports.portrait);
    await page.screenshot({ path: `test-results/screenshots/receipt-large-portrait-${language}.png`, fullPage: true });
    await page.setViewportSize(viewports.landscape);
    await page.screenshot({ path: `test-results/screenshots/receipt-large-landscape-${language}.png`, fullPage: true });
  });

  test(`landscape 1280x800, ${language}: the first field (in large print the step's heading) is above the fold, and the collapsed steps still tell screen readers where they are`, async ({ page }) => {
    await page.setViewportSize(viewports.landscape);
    await page.goto('/service/digital-post-read-access');
    await chooseLanguage(page, language);
    for (const large of [false, true]) {
      await setLargePrint(page, large);
      // Normal print: the first field is on the first screen. Large print: read access's first step
      // opens with two paragraphs of what the official form says, so there the step's heading and
      // its first lines are what fits; the step list no longer takes the screen in either.
      const first = large ? page.locator('main h1') : page.locator(fieldId('name'));
      const box = (await first.boundingBox())!;
      expect(box.y + box.height, `large print ${large}`).toBeLessThanOrEqual(viewports.landscape.height);
      await expect(page.locator('.step-subheading')).toHaveText(language === 'da' ? 'Trin 1 af 5' : 'Step 1 of 5');
      // The list is out of sight but not out of the accessibility tree.
      const current = page.locator('ol.step-indicator li[aria-current="step"]');
      await expect(current).toHaveCount(1);
      expect((await page.locator('ol.step-indicator').boundingBox())!.height).toBeLessThanOrEqual(1);
      await expect(page.getByRole('navigation', { name: language === 'da' ? 'Trin i blanketten' : 'Steps in the form' }).getByRole('listitem')).toHaveCount(5);
      await page.screenshot({ path: `test-results/screenshots/form-landscape-${large ? 'large' : 'normal'}-${language}.png` });
      // On demand, the whole list.
      const toggle = page.getByRole('button', { name: language === 'da' ? 'Vis alle trin' : 'Show all steps' });
      await toggle.click();
      await expect(page.getByRole('button', { name: language === 'da' ? 'Skjul trinnene' : 'Hide the steps' })).toHaveAttribute('aria-expanded', 'true');
      expect((await page.locator('ol.step-indicator').boundingBox())!.height).toBeGreaterThan(100);
      await page.screenshot({ path: `test-results/screenshots/form-landscape-steps-open-${large ? 'large' : 'normal'}-${language}.png` });
      await page.getByRole('button', { name: language === 'da' ? 'Skjul trinnene' : 'Hide the steps' }).click();
    }
  });

  test(`date fields, ${language}: the day, month and year labels stand apart in normal and large print, portrait and landscape`, async ({ page }) => {
    await page.goto('/service/digital-post-read-access');
    await chooseLanguage(page, language);
    await fillText(page, 'name', 'Karen Hansen');
    await fillText(page, 'cpr', '0703854321');
    await next(page);
    await fillText(page, 'readerName', 'Ole Hansen');
    await fillText(page, 'readerCpr', '1204702345');
    await choose(page, 'relation', 'family', 'family');
    await next(page);
    await yesNo(page, 'hasEndDate', true);
    for (const [orientation, size] of Object.entries(viewports)) {
      await page.setViewportSize(size);
      for (const large of [false, true]) {
        await setLargePrint(page, large);
        const labels = page.locator('.date-group label');
        await expect(labels).toHaveCount(3);
        // The text's own rectangle: a block label's box is as wide as its column even when the text runs past it.
        const boxes = await Promise.all((await labels.all()).map((l) => textBox(l)));
        const inputs = await Promise.all((await page.locator('.date-group input').all()).map(async (i) => (await i.boundingBox())!));
        for (let i = 0; i < 3; i++) {
          for (let j = i + 1; j < 3; j++) {
            expect(overlaps(boxes[i]!, boxes[j]!), `${orientation} large=${large}: labels ${i} and ${j}`).toBe(false);
            // A label keeps clear of the other parts' boxes too.
            expect(overlaps(boxes[i]!, inputs[j]!), `${orientation} large=${large}: label ${i}, box ${j}`).toBe(false);
          }
          // And starts where its own box starts, above it.
          expect(Math.abs(boxes[i]!.x - inputs[i]!.x)).toBeLessThanOrEqual(2);
        }
        await page.locator(fieldId('endDate')).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `test-results/screenshots/date-field-${orientation}-${large ? 'large' : 'normal'}-${language}.png` });
      }
    }
  });

  test(`Finish, ${language}: asks when something has been typed ("No" keeps it, "Yes" deletes it), not when nothing has`, async ({ page }) => {
    const finish = page.locator('header').getByRole('button', { name: language === 'da' ? 'Afslut' : 'Finish' });
    const yes = language === 'da' ? 'Ja, afslut og slet det indtastede' : 'Yes, finish and delete what I typed';
    const no = language === 'da' ? 'Nej, fortsæt' : 'No, continue';

    // Nothing typed: Finish goes straight back to the start.
    await page.goto('/service/digital-post-read-access');
    await chooseLanguage(page, language);
    await finish.click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(page.locator('main h1')).toHaveText('Velkommen til Borgerservice');

    await page.goto('/service/digital-post-read-access');
    await chooseLanguage(page, language);
    await fillText(page, 'name', 'Karen Hansen');
    await finish.click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: no })).toBeFocused();
    await page.screenshot({ path: `test-results/screenshots/finish-confirm-${language}.png` });
    await setLargePrintBehindDialog(page);
    await dialog.getByRole('button', { name: no }).click();
    await expect(dialog).toHaveCount(0);
    await expect(finish).toBeFocused();
    await expect(page.locator(fieldId('name'))).toHaveValue('Karen Hansen');

    // Escape is "No" as well.
    await finish.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator(fieldId('name'))).toHaveValue('Karen Hansen');

    await finish.click();
    await dialog.getByRole('button', { name: yes }).click();
    // A reset session starts over in Danish.
    await expect(page.locator('main h1')).toHaveText('Velkommen til Borgerservice');
    await page.goto('/service/digital-post-read-access');
    await expect(page.locator(fieldId('name'))).toHaveValue('');
  });
}

/** The question in large print, looked at once (the dialog itself needs no large-print switch). */
async function setLargePrintBehindDialog(page: Page): Promise<void> {
  const lang = await page.locator('html').getAttribute('lang');
  await page.evaluate(() => document.documentElement.classList.add('large-print'));
  await page.screenshot({ path: `test-results/screenshots/finish-confirm-large-${lang}.png` });
  await page.evaluate(() => document.documentElement.classList.remove('large-print'));
}

/**
 * The reference's lines do not overlap, no group of four is split, and it fits the screen's width.
 * Where the lines sit comes from Range rectangles (one per line fragment); how tall the ink of the
 * symbols is, from canvas measureText in the reference's own font: lines overlap when closer than that.
 * Returns the number of lines.
 */
async function expectCleanReference(page: Page): Promise<number> {
  const reference = page.locator('.receipt-reference');
  await expect(reference).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const { tops, ink } = await reference.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = [...new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))].sort((a, b) => a - b);
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const m = context.measureText(el.textContent ?? '');
    return { tops, ink: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent };
  });
  expect(ink).toBeGreaterThan(0);
  for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!, `line ${i + 1} is too close to line ${i}`).toBeGreaterThanOrEqual(ink);
  // Each group of four is on one line: one rectangle per group.
  for (const group of await page.locator('.receipt-group').all()) expect(await lineRects(group)).toHaveLength(1);
  const box = (await reference.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  return tops.length;
}
