import { expect, test } from '@playwright/test';
import { E2E_ADMIN, logInAt } from './support/staff.ts';
import { heading, readyTablet, tabletText, typePin } from './support/tablet.ts';
import { reloadUnderServiceWorker } from './support/service-worker.ts';

test('five wrong PINs while offline: the wipe reaches the back office audit log once the tablet is online again', async ({ browser, context, page, request }) => {
  test.setTimeout(120_000);
  const staff = await readyTablet(page, request, 'wipe');
  // Once more, so that the service worker controls the page: then the tablet works with no network.
  await reloadUnderServiceWorker(page);
  await context.setOffline(true);
  for (let left = 4; left > 0; left--) {
    await typePin(page, '000000');
    await expect(page.getByRole('alert')).toContainText(`Du har ${left} forsøg tilbage`);
  }
  await typePin(page, '000000');
  await expect(heading(page)).toHaveText(tabletText.da.signIn);
  await expect(page.locator('main')).toContainText('Tabletten blev låst efter 5 forkerte pinkoder');

  await context.setOffline(false);
  const office = await browser.newContext();
  try {
    const desk = await office.newPage();
    await logInAt(desk, E2E_ADMIN);
    await expect
      .poll(
        async () => {
          await desk.goto('/staff/admin/audit');
          await desk.locator('#audit-action').selectOption('tablet_wiped');
          await desk.locator('form.staff-filters button[type="submit"]').click();
          return desk.locator('#audit-table').innerText().catch(() => '');
        },
        { timeout: 45_000 },
      )
      .toContain(staff.username);
    await expect(desk.locator('#audit-table')).toContainText('Kladdenøglen slettet efter 5 forkerte pinkoder på en tablet');
    await desk.screenshot({ path: 'test-results/screenshots/tablet-wipe-audit-da.png', fullPage: true });
  } finally {
    await office.close();
  }
});
