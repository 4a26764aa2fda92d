import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/staff.ts';
import { heading, readyTablet, tabletText, unlockTablet } from './support/tablet.ts';
import { reloadUnderServiceWorker } from './support/service-worker.ts';

// This test edits the served service worker, so it runs alone (serial), like the kiosk's update test
// (offline.browser.test.ts).
test.describe.configure({ mode: 'serial' });
const swFile = new URL('../../dist/sw.js', import.meta.url);

test('a new version waits on the tablet until staff press Install', async ({ page, request }) => {
  await readyTablet(page, request, 'update');
  await reloadUnderServiceWorker(page);
  await unlockTablet(page);
  const original = readFileSync(swFile, 'utf8');
  try {
    writeFileSync(swFile, `${original}\n// a new release\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).waiting))).toBe(true);

    // The banner offers it; nothing reloads by itself, and the tablet stays open.
    const install = page.getByRole('button', { name: 'Installér den nye version' });
    await expect(install).toBeVisible();
    await expect(page.locator('main')).toContainText('En ny version er klar');
    await page.evaluate(() => ((window as unknown as { staffStillHere: boolean }).staffStillHere = true));
    await page.locator('a[href="/tablet/outbox"]').first().click();
    await expect(heading(page)).toHaveText(tabletText.da.outbox);
    expect(await page.evaluate(() => 'staffStillHere' in window)).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/tablet-update-banner-da.png', fullPage: true });
    await expectNoAxeViolations(page, 'update banner');

    await install.click();
    const samePage = () => page.evaluate(() => 'staffStillHere' in window).catch(() => false);
    await expect.poll(samePage, { timeout: 15_000 }).toBe(false);
    await page.waitForLoadState('load');
    // The new version starts locked: the key was in the old page's memory only.
    await expect(heading(page)).toHaveText(tabletText.da.locked);
    await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).waiting))).toBe(false);
  } finally {
    writeFileSync(swFile, original);
  }
});
