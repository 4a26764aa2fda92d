import { expect, test, type Page } from '@playwright/test';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import { chooseLanguage, openKiosk, setLargePrint } from './support/kiosk.ts';

const MARKER = 'Citizen-Marker-7731';
const { idleSeconds, warningSeconds } = defaultConfig.session;

/** Types a marker, then changes language and print size: a session with something to clear. */
async function useKiosk(page: Page): Promise<void> {
  await openKiosk(page, '/setup');
  await page.locator('main input[type="text"]').first().fill(MARKER);
  await chooseLanguage(page, 'en');
  await setLargePrint(page, true);
}

/** The start screen, in Danish, normal print, with nothing of the previous citizen anywhere. */
async function expectFreshStart(page: Page): Promise<void> {
  await expect(page).toHaveURL('/');
  await expect(page.locator('main h1')).toHaveText('Velkommen til Borgerservice');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.locator('html')).not.toHaveClass(/large-print/);
  await expect(page.getByRole('switch', { checked: true }), 'large print and read-aloud are off').toHaveCount(0);
  const traces = await page.evaluate(async (marker) => {
    const found: string[] = [];
    if (document.documentElement.outerHTML.includes(marker)) found.push('DOM');
    for (const input of document.querySelectorAll('input, textarea')) {
      if ((input as HTMLInputElement).value.includes(marker)) found.push('input value');
    }
    if (JSON.stringify({ ...localStorage }).includes(marker)) found.push('localStorage');
    if (JSON.stringify({ ...sessionStorage }).includes(marker)) found.push('sessionStorage');
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if ((await (await cache.match(request))!.text()).includes(marker)) found.push(`cache ${name}`);
      }
    }
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((ok) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
        });
        if (JSON.stringify(all).includes(marker)) found.push(`IndexedDB ${name}/${store}`);
      }
      db.close();
    }
    return found;
  }, MARKER);
  expect(traces, 'the previous citizen left a trace').toEqual([]);
}

test('the Finish button returns to a fresh start screen with no trace of the citizen', async ({ page }) => {
  await useKiosk(page);
  await page.getByRole('button', { name: 'Finish' }).click();
  await expectFreshStart(page);
});

test('after inactivity a warning counts down, and any touch continues the session', async ({ page }) => {
  await page.clock.install();
  await useKiosk(page);
  await page.clock.fastForward(idleSeconds * 1000);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${warningSeconds} seconds`);
  expect(warningSeconds).toBeGreaterThanOrEqual(20);
  await page.clock.fastForward(5_000);
  await expect(dialog).toContainText(`${warningSeconds - 5} seconds`);

  await page.mouse.click(5, 600); // a touch anywhere, not only on the button
  await expect(dialog).toBeHidden();
  await expect(page.locator('main input[type="text"]').first()).toHaveValue(MARKER);
});

test('when the countdown runs out the kiosk resets with no trace of the citizen', async ({ page }) => {
  await page.clock.install();
  await useKiosk(page);
  await page.clock.fastForward(idleSeconds * 1000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.fastForward(warningSeconds * 1000);
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expectFreshStart(page);
});

test('the start screen in its fresh state does not time out', async ({ page }) => {
  await page.clock.install();
  await openKiosk(page);
  await page.clock.fastForward((idleSeconds + warningSeconds) * 2000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
