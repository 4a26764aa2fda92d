import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/forms.ts';
import { chooseLanguage, openKiosk, setLargePrint, viewports } from './support/kiosk.ts';

/** The header with read-aloud on, as a person sees it: both languages, normal and large print, portrait and landscape. */
for (const [orientation, viewport] of Object.entries(viewports)) {
  test(`the read-aloud switch and its controls in the header, ${orientation}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openKiosk(page);
    await page.locator('.kiosk-read-aloud').click();
    await expect(page.getByRole('group', { name: 'Oplæsning' })).toBeVisible();
    for (const language of ['da', 'en'] as const) {
      await chooseLanguage(page, language);
      for (const large of [false, true]) {
        await setLargePrint(page, large);
        await expectNoAxeViolations(page, `read-aloud on, ${language}, ${large ? 'large' : 'normal'} print`);
        await page.screenshot({ path: `test-results/screenshots/read-aloud-${orientation}-${language}-${large ? 'large' : 'normal'}.png` });
      }
    }
  });
}
