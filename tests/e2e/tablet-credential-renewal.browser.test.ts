import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { rawStorage } from './support/raw-storage.ts';
import { heading, readyTablet, tabletText, unlockTablet } from './support/tablet.ts';

/**
 * The staff credential that names a person's work is renewed at every online unlock, with the
 * secret kept under their PIN; when the server renews no more, home says so and the person signs
 * in again without losing their PIN or drafts.
 */

/** The credential the tablet holds for `username` (the outbox database's device record). */
function heldCredential(page: Page, username: string): Promise<string | undefined> {
  return page.evaluate(
    (username) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('borgerservice');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('device', 'readonly').objectStore('device').getAll();
          read.onsuccess = () => {
            open.result.close();
            const device = (read.result as { staffCredentials?: Record<string, { credential: string }> }[])[0];
            resolve(device?.staffCredentials?.[username]?.credential);
          };
        };
      }),
    username,
  );
}

async function audited(request: APIRequestContext, action: string, actor: string): Promise<number> {
  const r = await request.get(`/api/v1/staff/audit?action=${action}&actor=${encodeURIComponent(actor)}`);
  expect(r.status()).toBe(200);
  return ((await r.json()).entries as unknown[]).length;
}

async function lock(page: Page): Promise<void> {
  await page.locator('#tablet-lock').click();
  await expect(heading(page)).toHaveText(tabletText.da.locked);
}

test('an online unlock renews the staff credential with the secret under the PIN, which storage never shows', async ({ page, request }) => {
  const secrets: string[] = [];
  page.on('response', async (response) => {
    if (/\/api\/v1\/devices\/staff-credential(\/renew)?$/.test(response.url()) && response.status() === 201) secrets.push((await response.json()).renewalSecret);
  });
  const staff = await readyTablet(page, request, 'renew');
  const first = await heldCredential(page, staff.username);
  expect(first).toBeTruthy();

  await lock(page);
  await unlockTablet(page);
  await expect.poll(() => heldCredential(page, staff.username)).not.toBe(first);
  expect(await audited(request, 'renew_staff_credential', staff.username)).toBe(1);

  // The secrets the server gave are nowhere in storage as text: the PIN's key encrypts them.
  expect(secrets).toHaveLength(2);
  const stored = await rawStorage(page);
  for (const secret of secrets) expect(stored).not.toContain(secret);
  await expect(page.locator('#sign-in-again')).toHaveCount(0);
});

test('when the server renews no more, home asks the person to sign in again; they keep their PIN and the renewals go on', async ({ page, request }) => {
  const staff = await readyTablet(page, request, 'again');
  // The server's answer once a chain of renewals has run out (STAFF_SIGN_IN_DAYS after its sign-in).
  await page.route('**/api/v1/devices/staff-credential/renew', (route) =>
    route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'sign_in_again', message: 'Renewals have run out for this sign-in: sign in online again.' } }) }),
  );
  await lock(page);
  await unlockTablet(page);
  const notice = page.locator('.alert-warning', { has: page.locator('#sign-in-again') });
  await expect(notice).toContainText('Log ind igen med forbindelse til internettet');
  await page.screenshot({ path: 'test-results/screenshots/tablet-sign-in-again-da.png', fullPage: true });
  await page.unroute('**/api/v1/devices/staff-credential/renew');

  await page.locator('#sign-in-again').click();
  await expect(heading(page)).toHaveText('Log ind igen');
  await page.locator('#signin-username').fill(staff.username);
  await page.locator('#signin-password').fill(staff.password);
  await page.locator('main form button[type="submit"]').click();
  // Not a new PIN: the one they have opens their vault, with everything in it.
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await expect(page.locator('main')).toContainText(`Du er logget ind igen som ${staff.username}`);
  const signedInAgain = await heldCredential(page, staff.username);
  await unlockTablet(page);
  await expect(page.locator('#sign-in-again')).toHaveCount(0);
  expect(await audited(request, 'issue_staff_credential', staff.username)).toBe(2);

  // The secret of that sign-in was kept at the unlock: the next online unlock renews with it.
  await lock(page);
  await unlockTablet(page);
  await expect.poll(() => heldCredential(page, staff.username)).not.toBe(signedInAgain);
  expect(await audited(request, 'renew_staff_credential', staff.username)).toBe(1);
});
