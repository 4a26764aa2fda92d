import { expect, test, type Page } from '@playwright/test';
import { adminApi, E2E_ADMIN, expectNoAxeViolations, logInAt, storeDeviceTest } from './support/staff.ts';

const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'tablet', width: 800, height: 1280 },
] as const;

/** Full-page screenshots for people to look at (test-results/screenshots/staff-*.png). */
const shoot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/staff-${name}.png`, fullPage: true });

test('an assisted submission is marked in the inbox and named as such in the detail', async ({ page, request }) => {
  await adminApi(request);
  const { reference, device } = await storeDeviceTest(request, 'Assist-tablet', { assisted: true, assistedBy: 'anne' });
  const own = await storeDeviceTest(request, 'Assist-kiosk');
  await logInAt(page, E2E_ADMIN);
  await page.getByLabel('Enhed').selectOption(device.deviceId);
  await page.getByRole('button', { name: 'Vis henvendelser' }).click();
  await expect(page.locator('#inbox-table tbody tr')).toHaveCount(1);
  const row = page.locator('#inbox-table tbody tr', { hasText: reference });
  await expect(row).toContainText('Assisteret');
  await expect(row).toContainText('Assist-tablet (Tablet)');
  await row.getByRole('link', { name: reference }).click();
  await expect(page.locator('#submission-assisted')).toContainText('En medarbejder for borgeren (assisteret)');

  await page.getByRole('link', { name: 'Tilbage til indbakken' }).click();
  await page.getByLabel('Enhed').selectOption(own.device.deviceId);
  await page.getByRole('button', { name: 'Vis henvendelser' }).click();
  await expect(page.locator('#inbox-table tbody tr')).toHaveCount(1);
  await expect(page.locator('#inbox-table tbody tr')).not.toContainText('Assisteret');
  await page.getByRole('link', { name: own.reference }).click();
  await expect(page.locator('#submission-assisted')).toHaveText('Borgeren selv');
});

for (const size of sizes) {
  test(`every staff screen at ${size.width}x${size.height}, in Danish and English, without axe violations`, async ({ page, request }) => {
    test.slow();
    await page.setViewportSize({ width: size.width, height: size.height });
    await adminApi(request);
    const { reference } = await storeDeviceTest(request, `Skærm-tablet ${size.name}`, { assisted: true });
    await page.goto('/staff');
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
    await shoot(page, `login-${size.name}-da`);
    await logInAt(page, E2E_ADMIN);

    for (const language of ['da', 'en'] as const) {
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const nav = page.getByRole('navigation', { name: /Hovedmenu|Main menu/ });
      await nav.getByRole('link', { name: /Indbakke|Inbox/ }).click();
      await page.getByLabel('Type', { exact: true }).selectOption('device-test');
      await page.getByRole('button', { name: /Vis henvendelser|Show submissions/ }).click();
      await expect(page.locator('#inbox-table')).toBeVisible();
      await shoot(page, `inbox-${size.name}-${language}`);
      await expectNoAxeViolations(page, `inbox ${size.name} ${language}`);

      await page.getByRole('link', { name: reference }).click();
      await expect(page.locator('#submission-audit tbody tr')).not.toHaveCount(0);
      await shoot(page, `submission-${size.name}-${language}`);
      await expectNoAxeViolations(page, `submission ${size.name} ${language}`);

      for (const [link, name] of [
        [/Medarbejdere|Staff/, 'users'],
        [/Enheder|Devices/, 'devices'],
        [/Tilmeldingskoder|Enrolment codes/, 'codes'],
        [/Revisionslog|Audit log/, 'audit'],
      ] as const) {
        await nav.getByRole('link', { name: link }).click();
        await expect(page.locator('h1')).toHaveText(link);
        await expect(page.getByText(/^(Henter|Loading) …$/)).toHaveCount(0);
        await shoot(page, `${name}-${size.name}-${language}`);
        await expectNoAxeViolations(page, `${name} ${size.name} ${language}`);
      }
    }
  });
}
