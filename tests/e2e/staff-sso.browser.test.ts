import { expect, test, type Page } from '@playwright/test';
import { freePort, SERVER_ENROLMENT_CODE, ServerProcess } from './support/server-process.ts';
import { TABLET_PIN, tabletText } from './support/tablet.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';

/**
 * The back office signs in through a real OpenID Provider (oidc-provider, in this process) and a
 * real server process configured for it, as a municipality's deployment would be.
 */
let op: TestProvider;
let server: ServerProcess;
let base: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  base = `http://localhost:${port}`;
  op = await startTestProvider([`${base}/api/v1/staff/sso/callback`]);
  op.users.set('mette-42', { name: 'Mette Jensen', roles: ['caseworker'] });
  op.users.set('ib-7', { name: 'Ib Holm', roles: ['admin'] });
  server = await ServerProcess.start({
    port,
    env: { OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: op.clientId, OIDC_CLIENT_SECRET: op.clientSecret, OIDC_ALLOW_HTTP_LOCALHOST: 'true' },
  });
});

test.afterAll(async () => {
  await server?.dispose();
  await op?.close();
});

const shoot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/staff-sso-${name}.png`, fullPage: true });

test('a caseworker signs in to the back office with the organisation’s login', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  op.signInAs('mette-42');
  await page.goto(`${base}/staff`);
  const button = page.getByRole('link', { name: 'Log ind med kommunens login' });
  await expect(button).toBeVisible();
  // Local login stays below it, for when the organisation's login is down.
  await expect(page.getByRole('heading', { name: 'Log ind med lokal konto' })).toBeVisible();
  await expect(page.getByLabel('Brugernavn')).toBeVisible();
  await shoot(page, 'login-da');
  await button.click();
  await expect(page).toHaveURL(`${base}/staff`);
  await expect(page.getByText(/Logget ind som Mette Jensen \(Sagsbehandler\)/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Medarbejdere' })).toHaveCount(0);
  await shoot(page, 'signed-in-caseworker');
});

test('the role comes from the provider, and a user whose role was removed is refused', async ({ page }) => {
  op.signInAs('ib-7');
  await page.goto(`${base}/staff`);
  await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
  await expect(page.getByText(/Logget ind som Ib Holm \(Administrator\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Log ud' }).click();

  op.users.set('ib-7', { name: 'Ib Holm', roles: [] });
  await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
  await expect(page.getByRole('heading', { name: 'Log ind lykkedes ikke' })).toBeVisible();
  await expect(page.getByText('Du har ikke adgang. Kontakt din it-afdeling.')).toBeVisible();
  await shoot(page, 'refused');
  await page.getByRole('link', { name: /Tilbage til log ind/ }).click();
  await expect(page.getByRole('link', { name: 'Log ind med kommunens login' })).toBeVisible();
  await expect(page.getByText(/Logget ind som/)).toHaveCount(0);
});

test('a caseworker signs in on a staff tablet with the organisation’s login, then chooses a PIN', async ({ page }) => {
  op.users.set('sofie-8', { name: 'Sofie Bak', roles: ['caseworker'] });
  op.signInAs('sofie-8');
  await page.goto(`${base}/setup`);
  await expect(page.locator('main table')).toBeVisible();
  await page.locator('#setup-code').fill(SERVER_ENROLMENT_CODE);
  await page.locator('#setup-name').fill('SSO-tablet');
  await page.locator('#setup-kind-tablet').check();
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('#setup-status-heading')).toBeVisible();
  // The status region is always there now: wait for the device's own name, i.e. the enrolment stored.
  await expect(page.locator('main')).toContainText('SSO-tablet');

  await page.goto(`${base}/tablet`);
  await expect(page.locator('main h1')).toHaveText(tabletText.da.signIn);
  await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
  await expect(page.locator('main h1')).toHaveText(tabletText.da.setPin);
  await expect(page).toHaveURL(`${base}/tablet`);
  // The tablet keeps no server session: it learnt who signed in, and ended it.
  expect(await page.evaluate(async () => (await fetch('/api/v1/staff/session')).status)).toBe(401);
  await page.locator('#pin-new').fill(TABLET_PIN);
  await page.locator('#pin-again').fill(TABLET_PIN);
  await page.locator('main form button[type="submit"]').click();
  await expect(page.locator('main h1')).toHaveText(tabletText.da.home);
  await expect(page.locator('main')).toContainText('Logget ind som Sofie Bak.');
  await shoot(page, 'tablet-home');

  // A colleague joins the same tablet through the organisation's login, with a PIN of her own.
  await page.locator('#tablet-lock').click();
  await expect(page.locator('main h1')).toHaveText(tabletText.da.locked);
  op.users.set('ole-3', { name: 'Ole Lund', roles: ['caseworker'] });
  op.signInAs('ole-3');
  await page.locator('#unlock-add-staff').click();
  await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
  await expect(page.locator('main h1')).toHaveText(tabletText.da.setPin);
  await expect(page.locator('main')).toContainText('Du er logget ind som Ole Lund.');
  await page.locator('#pin-new').fill('739264');
  await page.locator('#pin-again').fill('739264');
  await page.locator('main form button[type="submit"]').click();
  await expect(page.locator('main h1')).toHaveText(tabletText.da.home);
  await expect(page.locator('main')).toContainText('Logget ind som Ole Lund.');
  // The lock screen asks who is there, by the names people know each other by.
  await page.locator('#tablet-lock').click();
  await expect(page.locator('main fieldset label')).toHaveText(['Sofie Bak', 'Ole Lund']);
  await expect(page.locator('main fieldset')).not.toContainText('sso-');
  await expect(page.getByLabel('Ole Lund', { exact: true })).toBeChecked(); // the one who used it last
  await shoot(page, 'tablet-who-are-you');
});
