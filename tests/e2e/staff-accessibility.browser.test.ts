import { expect, test, type Page } from '@playwright/test';
import { adminApi, createCaseworker, E2E_ADMIN, expectNoAxeViolations, logInAt, sameOrigin, storeDeviceTest } from './support/staff.ts';

test('axe finds nothing on the login screen, with and without errors, in both languages', async ({ page }) => {
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expectNoAxeViolations(page, 'login');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.locator('.alert-error')).toContainText('Skriv dit brugernavn');
  await expectNoAxeViolations(page, 'login with errors');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page, 'login in English');
});

/** One h1, one main, one banner and the main menu, and nothing axe objects to. */
async function checkScreen(page: Page, what: string): Promise<void> {
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: /Hovedmenu|Main menu/ })).toBeVisible();
  await expectNoAxeViolations(page, what);
}

test('axe finds nothing on the inbox and a submission, in both languages', async ({ page, request }) => {
  // Several screens, each scanned by axe, on a server every other test is filling at the same time.
  test.slow();
  await adminApi(request);
  const { reference } = await storeDeviceTest(request, 'Axe-tablet');
  await logInAt(page, E2E_ADMIN);
  // Filtered by type: the shared server holds every other test's submissions too, and axe reads every row.
  await page.getByLabel('Type', { exact: true }).selectOption('device-test');
  await page.getByRole('button', { name: 'Vis henvendelser' }).click();
  await expect(page.locator('#inbox-table')).toBeVisible();
  await checkScreen(page, 'inbox');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await checkScreen(page, 'inbox in English');
  await page.getByRole('button', { name: 'Dansk' }).click();

  await page.getByRole('link', { name: reference }).click();
  await expect(page.locator('#submission-audit tbody tr')).not.toHaveCount(0);
  await checkScreen(page, 'submission');
  await page.getByRole('button', { name: 'Afvis' }).click();
  await expect(page.locator('.alert-error')).toContainText('Skriv hvorfor henvendelsen afvises');
  await checkScreen(page, 'submission with a missing note');
});

test('axe finds nothing on the admin screens; a revoked device then gets 401 and a new code enrols one', async ({ page, request }) => {
  // Several screens, each scanned by axe, on a server every other test is filling at the same time.
  test.slow();
  await adminApi(request);
  const { device } = await storeDeviceTest(request, 'Axe-tablet');
  await logInAt(page, E2E_ADMIN);

  await page.getByRole('link', { name: 'Medarbejdere' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medarbejdere' })).toBeVisible();
  await checkScreen(page, 'staff accounts');
  await page.getByRole('button', { name: 'Opret konto' }).click();
  await expect(page.locator('.alert-error')).toContainText('Skriv et brugernavn');
  await checkScreen(page, 'staff accounts with errors');

  // A leaver's account: deactivated after a confirmation that takes focus, then refused at login.
  const leaver = await createCaseworker(request, 'leaver');
  await page.reload();
  await page.getByRole('button', { name: `Deaktivér ${leaver.username}` }).click();
  await expect(page.getByRole('alertdialog')).toBeFocused();
  await checkScreen(page, 'staff accounts, confirming a deactivation');
  await page.getByRole('button', { name: 'Ja, deaktivér kontoen' }).click();
  await expect(page.getByText(`${leaver.username} er deaktiveret`)).toBeVisible();
  await expect(page.locator('#users-table tbody tr', { hasText: leaver.username })).toContainText('Deaktiveret');
  const leaverLogin = await request.post('/api/v1/staff/login', { data: leaver, headers: sameOrigin });
  expect(leaverLogin.status()).toBe(403);
  expect((await leaverLogin.json()).error.code).toBe('account_disabled');

  await page.getByRole('link', { name: 'Enheder' }).click();
  await expect(page.locator('#devices-table')).toBeVisible();
  await checkScreen(page, 'devices');
  await page.locator(`#revoke-${device.deviceId}`).click();
  await expect(page.getByRole('alertdialog')).toBeFocused();
  await checkScreen(page, 'devices, confirming a revocation');
  await page.getByRole('button', { name: 'Ja, spær enheden' }).click();
  await expect(page.getByText('Axe-tablet er spærret')).toBeVisible();
  const sync = await request.post('/api/v1/submissions', { data: { submissions: [] }, headers: { Authorization: `Bearer ${device.token}` } });
  expect(sync.status()).toBe(401);

  await page.getByRole('link', { name: 'Tilmeldingskoder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilmeldingskoder' })).toBeVisible();
  await page.getByLabel('Gyldig i antal timer').fill('0');
  await page.getByLabel('Højst antal enheder (valgfrit)').fill('x');
  await page.getByRole('button', { name: 'Opret kode' }).click();
  await expect(page.locator('.alert-error')).toContainText('Skriv et helt antal timer fra 1 til 168');
  await expect(page.locator('.alert-error')).toContainText('Skriv et helt tal fra 1 til 500');
  await checkScreen(page, 'enrolment codes with errors');
  const label = `Axe-kode ${Date.now()}`;
  await page.getByLabel('Navn på koden').fill(label);
  await page.getByLabel('Må tilmelde').selectOption('kiosk');
  await page.getByLabel('Gyldig i antal timer').fill('24');
  await page.getByLabel('Højst antal enheder (valgfrit)').fill('2');
  await page.getByRole('button', { name: 'Opret kode' }).click();
  await expect(page.locator('#enrolment-code')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const row = page.locator('#codes-table tbody tr', { hasText: label });
  await expect(row).toContainText('0 af 2');
  await expect(row).toContainText('Gyldig');
  await checkScreen(page, 'enrolment codes, with a new code');
  const code = await page.locator('#enrolment-code').textContent();
  // The list never shows a code again, only its name and limits.
  await expect(page.locator('#codes-table')).not.toContainText(code!);
  const enrolled = await request.post('/api/v1/devices/enroll', { data: { code, name: 'Ny kiosk', kind: 'kiosk' } });
  expect(enrolled.status()).toBe(201);

  await page.getByRole('button', { name: `Tilbagekald ${label}` }).click();
  await expect(page.getByRole('alertdialog')).toBeFocused();
  await checkScreen(page, 'enrolment codes, confirming a revocation');
  await page.getByRole('button', { name: 'Ja, tilbagekald koden' }).click();
  await expect(page.getByText(`${label} er tilbagekaldt`)).toBeVisible();
  await expect(row).toContainText('Tilbagekaldt');
  await expect(row).toContainText('1 af 2');
  const refused = await request.post('/api/v1/devices/enroll', { data: { code, name: 'For sent', kind: 'kiosk' } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('enrolment_code_revoked');

  await page.getByRole('link', { name: 'Revisionslog' }).click();
  await expect(page.locator('#audit-table')).toContainText('Enhed spærret');
  await checkScreen(page, 'audit log');
  await page.getByLabel('Hvad').selectOption('revoke_enrolment_code');
  await page.getByLabel('Hvem').fill(E2E_ADMIN.username);
  await page.getByRole('button', { name: 'Vis hændelser' }).click();
  await expect(page.locator('#audit-table tbody tr').first()).toContainText('Tilmeldingskode tilbagekaldt');
  const actions = await page.locator('#audit-table tbody tr td:nth-child(3)').allTextContents();
  expect(new Set(actions)).toEqual(new Set(['Tilmeldingskode tilbagekaldt']));
  await page.getByLabel('Til og med', { exact: true }).fill('2000-01-01');
  await page.getByRole('button', { name: 'Vis hændelser' }).click();
  await expect(page.getByText('Ingen hændelser passer til filtrene.')).toBeVisible();
  await checkScreen(page, 'audit log, filtered to nothing');

  await page.goto('/staff/nowhere');
  await expect(page.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
  await checkScreen(page, 'not found');
});

test('the back office can be used by keyboard with visible focus', async ({ page, request }) => {
  await adminApi(request);
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Gå til sidens indhold' })).toBeFocused();
  await page.getByLabel('Brugernavn').focus();
  await page.keyboard.type(E2E_ADMIN.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(E2E_ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Indbakke' })).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { visible: el === document.body || style.outlineStyle !== 'none' || style.boxShadow !== 'none', what: el.outerHTML.slice(0, 120) };
    });
    expect(focused.visible, `no visible focus on ${focused.what}`).toBe(true);
  }
});
