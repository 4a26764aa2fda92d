import { expect, test } from '@playwright/test';
import { totpCode } from '#server/auth/totp.ts';
import { adminApi, createCaseworker, logInAt } from './support/staff.ts';

test('a caseworker enrols a second factor, signs in with a code, and changes the password', async ({ page, request }) => {
  await adminApi(request);
  const user = await createCaseworker(request, 'totp');
  await logInAt(page, user);

  await page.getByRole('link', { name: 'Min konto' }).click();
  await page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }).click();
  await expect(page.getByRole('img', { name: 'QR-kode til godkendelsesappen' })).toBeVisible();
  // The secret as a person would type it into an app that cannot scan.
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('Kode fra appen').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Slå til' }).click();
  await expect(page.getByText('Totrinsbekræftelse er slået til.')).toBeVisible();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await page.screenshot({ path: 'test-results/staff-totp-recovery-codes.png', fullPage: true });

  // Signed out, the password alone is not enough: the form asks for the code.
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByLabel('Brugernavn').fill(user.username);
  await page.getByLabel('Adgangskode').fill(user.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByLabel('Kode fra appen')).toBeVisible();
  // The confirming code was used: the next step's code, as the app shows it half a minute later.
  await page.getByLabel('Kode fra appen').fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('link', { name: 'Min konto' })).toBeVisible();

  await page.getByRole('link', { name: 'Min konto' }).click();
  await expect(page.getByText('Totrinsbekræftelse er slået til. Du skal skrive en kode')).toBeVisible();
  await page.getByLabel('Nuværende adgangskode').fill(user.password);
  await page.getByLabel('Ny adgangskode').fill('111111111111');
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page.getByText('Adgangskoden er for let at gætte').first()).toBeVisible();
  await page.getByLabel('Nuværende adgangskode').fill(user.password);
  await page.getByLabel('Ny adgangskode').fill('saffron ladder velvet comet');
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page.getByText('Din adgangskode er skiftet.')).toBeVisible();
});
