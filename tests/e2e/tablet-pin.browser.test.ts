import { expect, test } from '@playwright/test';
import { heading, enrolTablet, tabletStaff, tabletText, TABLET_PIN, typePin, unlockTablet } from './support/tablet.ts';

test('easy PINs and dates are refused when the PIN is chosen; the PIN can be changed with the current one', async ({ page, request }) => {
  test.setTimeout(120_000);
  const staff = await tabletStaff(request, 'pinrule');
  await enrolTablet(page, 'Tablet PIN rules');
  await page.goto('/tablet');
  await page.locator('#signin-username').fill(staff.username);
  await page.locator('#signin-password').fill(staff.password);
  await page.locator('main form button[type="submit"]').click();
  await expect(heading(page)).toHaveText(tabletText.da.setPin);

  const choose = async (pin: string) => {
    await page.locator('#pin-new').fill(pin);
    await page.locator('#pin-again').fill(pin);
    await page.locator('main form button[type="submit"]').click();
  };
  for (const pin of ['111111', '123456', '000000', '654321']) {
    await choose(pin);
    await expect(page.getByRole('alert')).toContainText('Pinkoden er for nem at gætte');
    await expect(heading(page)).toHaveText(tabletText.da.setPin);
  }
  await choose('241285');
  await expect(page.getByRole('alert')).toContainText('Pinkoden ligner en dato');
  await page.screenshot({ path: 'test-results/screenshots/tablet-pin-weak-da.png', fullPage: true });
  await choose(TABLET_PIN);
  await expect(heading(page)).toHaveText(tabletText.da.home);

  // Change PIN: a wrong current PIN is refused, a weak new one too; then only the new PIN opens.
  await page.locator('#change-pin').click();
  await expect(heading(page)).toHaveText('Skift pinkode');
  const change = async (current: string, next: string) => {
    await page.locator('#pin-current').fill(current);
    await page.locator('#pin-new').fill(next);
    await page.locator('#pin-again').fill(next);
    await page.locator('main form button[type="submit"]').click();
  };
  await change('975318', '864209');
  await expect(page.getByRole('alert')).toContainText('Den nuværende pinkode er forkert');
  await change(TABLET_PIN, '222222');
  await expect(page.getByRole('alert')).toContainText('Pinkoden er for nem at gætte');
  await change(TABLET_PIN, '864209');
  await expect(page.locator('#pin-changed')).toContainText('Pinkoden er skiftet');
  await page.screenshot({ path: 'test-results/screenshots/tablet-pin-changed-da.png', fullPage: true });

  await page.locator('#tablet-lock').click();
  await typePin(page, TABLET_PIN);
  await expect(page.getByRole('alert')).toContainText('Du har 4 forsøg tilbage');
  await typePin(page, '864209');
  await expect(heading(page)).toHaveText('Skift pinkode');
  await page.goto('/tablet');
  await unlockTablet(page, '864209');
});
