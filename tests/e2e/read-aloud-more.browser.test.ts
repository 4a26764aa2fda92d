import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/forms.ts';
import { chooseLanguage, openKiosk } from './support/kiosk.ts';
import { expectHeard, forget, listen, said } from './support/speech.ts';
import { heading, readyTablet, tabletText } from './support/tablet.ts';

/** Read-aloud beyond the kiosk's flows: the idle warning, F2, the accessibility statement, and the tablet. */

test('the idle warning is said with its countdown, and the reset silences read-aloud and switches it off', async ({ page }) => {
  await listen(page);
  await page.clock.install();
  await openKiosk(page, '/service/complaint');
  // F2, the dedicated key, switches read-aloud on from anywhere.
  await page.keyboard.press('F2');
  await expect(page.locator('.kiosk-read-aloud')).toHaveAttribute('aria-checked', 'true');
  await expectHeard(page, 'Læs op er slået til.');
  await forget(page);
  await page.clock.fastForward(90_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectHeard(page, /Er du der stadig\?.*Starter forfra om \d+ sekunder.*Fortsæt, knap/);
  await page.clock.fastForward(31_000);
  await expect(page.locator('main h1')).toHaveText('Velkommen til Borgerservice');
  await expect(page.locator('.kiosk-read-aloud')).toHaveAttribute('aria-checked', 'false');
});

for (const language of ['da', 'en'] as const) {
  test(`the accessibility statement in ${language} is linked from the footer and says how to complain to Digitaliseringsstyrelsen`, async ({ page }) => {
    await openKiosk(page, '/service/complaint');
    await chooseLanguage(page, language);
    await page.locator('footer').getByRole('link', { name: language === 'da' ? 'Tilgængelighedserklæring' : 'Accessibility statement' }).click();
    await expect(page).toHaveURL('/tilgaengelighed');
    await expect(page.locator('main h1')).toHaveText(language === 'da' ? 'Tilgængelighedserklæring' : 'Accessibility statement');
    await expect(page.locator('main')).toContainText('Digitaliseringsstyrelsen');
    await expect(page.locator('main')).toContainText('was.digst.dk');
    await expect(page.locator('main')).toContainText('692');
    await expectNoAxeViolations(page, `accessibility statement ${language}`);
    await page.screenshot({ path: `test-results/screenshots/accessibility-statement-${language}.png`, fullPage: true });
  });
}

test('the tablet has the same switch; locking silences it and switches it off', async ({ page, request }) => {
  await listen(page);
  await readyTablet(page, request, 'speech');
  await page.locator('.kiosk-read-aloud').click();
  await expectHeard(page, tabletText.da.home);
  expect((await said(page)).every((s) => s.lang === 'da')).toBe(true);
  await page.locator('#tablet-lock').click();
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await expect(page.locator('.kiosk-read-aloud')).toHaveAttribute('aria-checked', 'false');
});
