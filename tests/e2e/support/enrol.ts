import { expect, type Page } from '@playwright/test';

/** The code tests/playwright.config.ts gives the server. */
export const E2E_ENROLMENT_CODE = 'E2E-ENROL-7K3M-9QXW-4TPA';

/** Enrols the kiosk in this browser context through the real set-up screen, as staff would. */
export async function enrolKiosk(page: Page, name = 'E2E kiosk', kind: 'kiosk' | 'tablet' = 'kiosk'): Promise<void> {
  await page.goto('/setup');
  // The screen refills its form once it has read the device; typing before that would be lost.
  await expect(page.locator('main table')).toBeVisible();
  await page.locator('#setup-code').fill(E2E_ENROLMENT_CODE);
  await page.locator('#setup-name').fill(name);
  await page.locator(`#setup-kind-${kind}`).check();
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('#setup-status-heading')).toBeVisible();
  await expect(page.locator('main')).toContainText(name);
}

/**
 * Enrols this browser context as its own device with the server behind `origin` (a chaos proxy,
 * say), through the real set-up screen, leaving the server address as it is (this origin).
 */
export async function enrolDeviceAt(page: Page, origin: string, code: string, name: string): Promise<void> {
  await page.goto(`${origin}/setup`);
  await page.locator('#setup-code').fill(code);
  await page.locator('#setup-name').fill(name);
  await page.locator('#setup-kind-kiosk').check();
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('#setup-status-heading')).toBeVisible();
  await expect(page.locator('main')).toContainText(name);
}
