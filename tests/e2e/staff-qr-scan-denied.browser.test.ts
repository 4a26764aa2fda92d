import { expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './support/chromium.ts';
import { E2E_ADMIN, logInAt } from './support/staff.ts';

// Its own browser: a camera exists, but nobody allows it (no fake consent, no permission granted),
// as when a caseworker answers "Block" to the browser's question.
test.use({ launchOptions: { executablePath: chromiumPath(), args: [...chromiumArgs, '--use-fake-device-for-media-stream'] } });

test('a refused camera is said plainly in Danish and English, and the search still works by typing', async ({ page }) => {
  await logInAt(page, E2E_ADMIN);
  await page.getByRole('button', { name: 'Scan QR-koden med kameraet' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Kameraet må ikke bruges');
  await expect(alert).toContainText('skriv referencen fra kvitteringen i søgefeltet');
  await expect(page.locator('video')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/staff-qr-scan-denied-da.png', fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(alert).toContainText('The camera may not be used');
  await page.screenshot({ path: 'test-results/staff-qr-scan-denied-en.png', fullPage: true });
  await expect(page.getByLabel('Reference, CPR number or name')).toBeEditable();
});
