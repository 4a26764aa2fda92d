import { expect, test } from '@playwright/test';
import { E2E_ADMIN, logInAt } from './support/staff.ts';

// The shared browser has no camera (no fake device): a back office PC without one.
test('without a camera no scan button is offered; the field still takes a typed or hand-scanned reference', async ({ page }) => {
  await logInAt(page, E2E_ADMIN);
  expect(await page.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length)).toBe(0);
  const field = page.getByLabel('Reference, CPR-nummer eller navn');
  await expect(field).toBeFocused();
  await expect(page.locator('#inbox-count')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Scan QR-koden med kameraet' })).toHaveCount(0);
  await expect(page.locator('#inbox-search-heading')).toContainText('Find en henvendelse');
});
