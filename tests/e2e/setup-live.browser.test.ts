import { expect, test } from '@playwright/test';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import { enrolKiosk } from './support/enrol.ts';
import { chooseLanguage } from './support/kiosk.ts';
import { adminApi } from './support/staff.ts';

const { idleSeconds, warningSeconds } = defaultConfig.session;
const countOf = (page: import('@playwright/test').Page, row: RegExp) => page.getByRole('row', { name: row }).getByRole('cell');

/**
 * /setup as IT staff use it on a kiosk: its outbox counts follow what other contexts of the device
 * do (another tab, the service worker) without a reload, and the citizen idle timer leaves it alone.
 */
test('the set-up screen updates its counts when another tab of the device queues and delivers', async ({ page, context, request }) => {
  await enrolKiosk(page, 'Live-kiosk');
  await chooseLanguage(page, 'da');
  await expect(countOf(page, /Modtaget af serveren/)).toHaveText('0');

  const other = await context.newPage();
  await other.goto('/setup');
  await chooseLanguage(other, 'da');
  await other.getByRole('button', { name: 'Send en testhenvendelse' }).click();
  await expect(other.locator('#setup-test-reference')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);

  // The first tab did nothing and was not reloaded: the other context's events reached it.
  await expect(countOf(page, /Modtaget af serveren/)).toHaveText('1', { timeout: 15_000 });
  await expect(countOf(page, /Venter på at blive sendt/)).toHaveText('0');
  await other.close();

  // The sync also told the server how the device is: the fleet view has its report.
  await adminApi(request);
  await expect
    .poll(async () => {
      const { devices } = (await (await request.get('/api/v1/staff/devices')).json()) as { devices: { name: string; lastSeenAt: string | null; report: { appVersion: string; queued: number } | null }[] };
      const mine = devices.find((d) => d.name === 'Live-kiosk');
      return mine?.report && { version: mine.report.appVersion, queued: mine.report.queued, seen: mine.lastSeenAt !== null };
    })
    .toEqual({ version: '0.1.0', queued: 0, seen: true });
});

test('the set-up screen is not thrown back to the start screen by the citizen idle timer', async ({ page }) => {
  await page.clock.install();
  await enrolKiosk(page, 'Idle-kiosk');
  await page.clock.fastForward((idleSeconds + warningSeconds) * 2000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.locator('#setup-status-heading')).toBeVisible();
});
