import { expect, test } from '@playwright/test';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import type { MunicipalityConfig } from '#config/schema.ts';
import { fieldId } from './support/forms.ts';
import { chooseLanguage } from './support/kiosk.ts';

/**
 * "Book a time" on the kiosk's own clock: the days and times follow the configured opening hours
 * (a Saturday included when the centre opens then, a configured closing day left out), and a
 * time that starts while the citizen reads disappears, so that no time in the past is booked.
 */

// These tests serve their own /config.json; a service worker would answer from its cache instead.
test.use({ serviceWorkers: 'block' });

test('book-time offers a configured Saturday, skips a configured closing day, and drops a time that has started', async ({ page }) => {
  const config: MunicipalityConfig = {
    ...(structuredClone(defaultConfig) as MunicipalityConfig),
    openingHours: { ...defaultConfig.openingHours, saturday: [{ opens: '10:00', closes: '12:00' }] },
    // Thursday 26 November 2026 closed for a staff day.
    closingDays: ['2026-11-26'],
    // A long idle time, as the clock is moved on below.
    session: { idleSeconds: 1800, warningSeconds: 60 },
  };
  await page.route('/config.json', (route) => route.fulfill({ json: config }));
  // 11:59 Copenhagen time (CET) on Tuesday 24 November 2026.
  await page.clock.install({ time: new Date('2026-11-24T10:59:00Z') });
  await page.goto('/service/book-time');
  await chooseLanguage(page, 'en');
  await page.locator(fieldId('topic')).check();
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('main h1')).toHaveText('Choose a day and a time');

  const days = page.locator('fieldset').first().locator('label');
  await expect(days).toContainText(['Tuesday, 24 November 2026', 'Friday, 27 November 2026', 'Saturday, 28 November 2026']);
  await expect(page.locator('main')).not.toContainText('Thursday, 26 November 2026');
  await expect(page.locator('main')).not.toContainText('Wednesday, 25 November 2026');

  // Saturday: 10:00 to 12:00 in quarters of an hour.
  await page.locator(`${fieldId('time')}-2026-11-28`).check();
  await expect(page.locator('.slot-times label')).toHaveText(['10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30', '11:45']);

  // Today: 12:00 is the first time not yet started.
  await page.locator(`${fieldId('time')}-2026-11-24`).check();
  await expect(page.locator('.slot-times label').first()).toHaveText('12:00');
  await page.locator(fieldId('time')).check();
  await expect(page.locator(fieldId('time'))).toBeChecked();

  // Two minutes later 12:00 has started: it is gone, the answer with it, and Next asks again.
  await page.clock.fastForward('02:00');
  await expect(page.locator('.slot-times label').first()).toHaveText('12:15');
  await expect(page.locator('.slot-times input:checked')).toHaveCount(0);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.alert.alert-error[role="alert"]')).toBeVisible();
  await expect(page.locator('main h1')).toHaveText('Choose a day and a time');
});
