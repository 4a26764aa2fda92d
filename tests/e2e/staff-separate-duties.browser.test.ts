import { expect, test } from '@playwright/test';
import { SERVER_ADMIN, ServerProcess } from './support/server-process.ts';

/** SEPARATE_ADMIN_DUTIES=true on a server of its own: the admin's back office has no inbox. */
let server: ServerProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await ServerProcess.start({ env: { SEPARATE_ADMIN_DUTIES: 'true' } });
});
test.afterAll(async () => {
  await server?.dispose();
});

test('an admin under separation of duties manages staff but is offered no citizens’ cases', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const base = `http://localhost:${server.port}`;
  await page.goto(`${base}/staff`);
  await page.getByLabel('Brugernavn').fill(SERVER_ADMIN.username);
  await page.getByLabel('Adgangskode').fill(SERVER_ADMIN.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByText('Som administrator kan du ikke se borgernes sager. Det er en sagsbehandlers opgave.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Indbakke' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Medarbejdere' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/staff-separate-duties-admin.png', fullPage: true });
  await page.getByRole('link', { name: 'Medarbejdere' }).click();
  await expect(page.locator('main h1')).toBeVisible();
  expect(await page.evaluate(async () => (await fetch('/api/v1/staff/submissions')).status)).toBe(403);
});
