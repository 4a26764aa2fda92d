import { expect, test } from '@playwright/test';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import { chooseLanguage, openKiosk, setLargePrint, viewports } from './support/kiosk.ts';

test('shows the municipality, its opening hours and phone from the configuration', async ({ page }) => {
  await openKiosk(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velkommen til Borgerservice');
  await expect(page.locator('header')).toContainText(defaultConfig.municipality.name);
  await expect(page.locator('main')).toContainText(defaultConfig.municipality.phone);
  const hours = page.locator('.kiosk-hours');
  await expect(hours.getByRole('row', { name: /Mandag/ })).toContainText('10:00–14:00');
  await expect(hours.getByRole('row', { name: /Onsdag/ })).toContainText('Lukket');
  await expect(hours.getByRole('row', { name: /Torsdag/ })).toContainText('10:00–16:30');
});

test('offers one tile per service the configuration turns on, and each opens its screen', async ({ page }) => {
  await openKiosk(page);
  const enabled = defaultConfig.services.filter((s) => s.enabled);
  await expect(page.locator('.kiosk-tile')).toHaveCount(enabled.length);
  await page.locator(`a[href="/service/${enabled[0].id}"]`).click();
  await expect(page).toHaveURL(`/service/${enabled[0].id}`);
  await expect(page.locator('main h1')).toBeFocused();
  await page.getByRole('link', { name: 'Tilbage' }).click();
  await expect(page).toHaveURL('/');
});

test('a municipality turning a service off removes its tile', async ({ page }) => {
  const config = structuredClone(defaultConfig);
  config.services[0].enabled = false;
  await page.route('/config.json', (route) => route.fulfill({ json: config }));
  await openKiosk(page);
  await expect(page.locator(`a[href="/service/${config.services[0].id}"]`)).toHaveCount(0);
  await expect(page.locator('.kiosk-tile')).toHaveCount(config.services.length - 1);
});

for (const [orientation, viewport] of Object.entries(viewports)) {
  for (const language of ['da', 'en'] as const) {
    for (const large of [false, true]) {
      const name = `start-${language}-${large ? 'large' : 'normal'}-${orientation}`;
      test(`screenshot ${name}`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await openKiosk(page);
        await chooseLanguage(page, language);
        await setLargePrint(page, large);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
      });
    }
  }
}
