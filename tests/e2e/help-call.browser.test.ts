import { expect, test, type Browser, type Page } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { E2E_ADMIN, logInAt } from './support/staff.ts';

/** A kiosk in one browser context and a back office in another, as at a real centre. */
async function kioskAndBackOffice(browser: Browser, kioskName: string, kioskClock?: number): Promise<{ kiosk: Page; office: Page; close: () => Promise<void> }> {
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  if (kioskClock !== undefined) await kiosk.clock.install({ time: kioskClock });
  await enrolKiosk(kiosk, kioskName);
  await kiosk.goto('/');
  const officeContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const office = await officeContext.newPage();
  await logInAt(office, E2E_ADMIN);
  return { kiosk, office, close: async () => { await kioskContext.close(); await officeContext.close(); } };
}

test('a citizen’s press on "Få hjælp fra personalet" shows as a banner on every back office screen until staff answer', async ({ browser }) => {
  const name = `Kiosk Indgang ${Date.now().toString(36)}`;
  const { kiosk, office, close } = await kioskAndBackOffice(browser, name);
  await kiosk.getByRole('button', { name: 'Få hjælp fra personalet' }).click();
  const dialog = kiosk.getByRole('dialog');
  await expect(dialog).toContainText('Personalet er kaldt');
  await kiosk.screenshot({ path: 'test-results/screenshots/help-call-kiosk-da.png' });

  const banner = office.getByRole('alert').filter({ hasText: name });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('(skærm: startskærmen) – lige nu');
  await office.screenshot({ path: 'test-results/screenshots/help-call-banner-da.png' });
  // Another screen of the back office shows it too.
  await office.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Venter nu' }).click();
  await expect(office.locator('h1')).toHaveText('Venter nu');
  await expect(banner).toBeVisible();
  await banner.locator('li', { hasText: name }).getByRole('button', { name: 'Jeg kommer' }).click();
  await expect(office.getByRole('alert').filter({ hasText: name })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(kiosk.getByRole('dialog')).toHaveCount(0);
  await close();
});

test('a call made offline says it will be sent, and arrives on reconnection with its age', async ({ browser }) => {
  const name = `Kiosk Offline ${Date.now().toString(36)}`;
  // The citizen pressed three minutes before the kiosk came back online.
  const { kiosk, office, close } = await kioskAndBackOffice(browser, name, Date.now() - 3 * 60_000 - 5_000);
  await kiosk.context().setOffline(true);
  await kiosk.getByRole('button', { name: 'English' }).click();
  await kiosk.getByRole('button', { name: 'Get help from staff' }).click();
  await expect(kiosk.getByRole('dialog')).toContainText('The call will be sent as soon as the kiosk is online again');
  await kiosk.screenshot({ path: 'test-results/screenshots/help-call-queued-en.png' });
  await office.reload();
  await expect(office.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(office.getByRole('alert').filter({ hasText: name })).toHaveCount(0);

  await kiosk.context().setOffline(false);
  // Sent at the online event, or by the kiosk's retry (every 15 s) when the network was not yet usable.
  const banner = office.getByRole('alert').filter({ hasText: name });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText('for 3 minutter siden');
  await expect(kiosk.getByRole('dialog')).toContainText('Staff have been called');
  // Answered, so that no call is left open for the other back-office tests on this server.
  await banner.locator('li', { hasText: name }).getByRole('button', { name: 'Jeg kommer' }).click();
  await expect(office.getByRole('alert').filter({ hasText: name })).toHaveCount(0);
  await close();
});
