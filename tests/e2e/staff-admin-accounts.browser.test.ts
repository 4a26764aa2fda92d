import { expect, test, type Page } from '@playwright/test';
import { totpCode } from '#server/auth/totp.ts';
import { freePort, SERVER_ADMIN, ServerProcess } from './support/server-process.ts';
import { expectNoAxeViolations } from './support/staff.ts';

/**
 * Local admin accounts in the back office, on a server of its own that requires admins' second
 * factor (as production does) and ends idle sessions after 5 minutes: enrolment first, the
 * account buttons, and the session-expiry warning (the browser's clock moved by page.clock).
 */
let server: ServerProcess;
let base: string;
/** The admin's recovery codes, from the enrolment: each signs in once, whatever the clock. */
let recoveryCodes: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = await ServerProcess.start({ port, env: { ADMIN_SECOND_FACTOR: 'required', STAFF_IDLE_MINUTES: '5' } });
});
test.afterAll(async () => {
  await server?.dispose();
});

const shoot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/staff-admin-${name}.png`, fullPage: true });
const origin = () => ({ Origin: base });

async function signIn(page: Page, user: { username: string; password: string }, code?: string) {
  await page.goto(`${base}/staff`);
  await page.getByLabel('Brugernavn').fill(user.username);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  if (code) {
    await page.getByLabel('Kode fra appen').fill(code);
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  }
}

test('an admin without a second factor is sent to enrol one, can do nothing else, and then works', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, SERVER_ADMIN);
  const required = page.getByRole('heading', { name: 'Administratorer skal bruge totrinsbekræftelse' });
  await expect(required).toBeVisible();
  // Another screen's address shows the enrolment again, and the server refuses the call anyway.
  await page.goto(`${base}/staff/admin/users`);
  await expect(required).toBeVisible();
  await expect(page.locator('#users-table')).toHaveCount(0);
  const refused = await page.request.get(`${base}/api/v1/staff/users`);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('second_factor_required');
  await expectNoAxeViolations(page, 'second factor required');
  await shoot(page, 'second-factor-required-da');
  await page.getByRole('button', { name: 'Change language to English' }).click();
  await expect(page.getByRole('heading', { name: 'Admins must use two-step verification' })).toBeVisible();
  await shoot(page, 'second-factor-required-en');
  await page.getByRole('button', { name: /Skift sprog til dansk|dansk/i }).click();

  await page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
  await page.getByLabel('Kode fra appen').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Slå til', exact: true }).click();
  await expect(page.getByTestId('recovery-codes')).toBeVisible();
  recoveryCodes = (await page.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole('button', { name: 'Jeg har gemt koderne – fortsæt' }).click();
  await expect(required).toHaveCount(0);
  await page.getByRole('link', { name: 'Medarbejdere' }).click();
  await expect(page.locator('#users-table')).toBeVisible();
  expect((await page.request.get(`${base}/api/v1/staff/users`)).status()).toBe(200);
});

test('reset password, reactivate and change role, each after a question', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await signIn(page, SERVER_ADMIN, recoveryCodes[0]);
  await expect(page.getByRole('heading', { level: 1, name: 'Indbakke' })).toBeVisible();
  const password = 'a long caseworker password';
  for (const username of ['kasper', 'lone']) {
    const r = await page.request.post(`${base}/api/v1/staff/users`, { data: { username, password, role: 'caseworker' }, headers: origin() });
    expect(r.status(), await r.text()).toBe(201);
  }
  expect((await page.request.post(`${base}/api/v1/staff/users/lone/disable`, { headers: origin() })).status()).toBe(204);
  await page.goto(`${base}/staff/admin/users`);

  // Reset: the question, then the temporary password once; kasper must choose a new one.
  await page.locator('#reset-kasper').click();
  await expect(page.getByRole('alertdialog', { name: 'Vil du nulstille adgangskoden for kasper?' })).toBeFocused();
  await expectNoAxeViolations(page, 'reset question');
  await shoot(page, 'reset-question-da');
  await page.getByRole('button', { name: 'Ja, nulstil adgangskoden' }).click();
  const temporary = (await page.getByTestId('temporary-password').textContent())!.trim();
  expect(temporary).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
  await expect(page.getByText('Kopiér adgangskoden nu')).toBeVisible();
  await expectNoAxeViolations(page, 'temporary password');
  await shoot(page, 'temporary-password-da');
  const kasper = await browser.newPage();
  await signIn(kasper, { username: 'kasper', password: temporary });
  await expect(kasper.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
  expect((await kasper.request.get(`${base}/api/v1/staff/submissions`)).status()).toBe(403);
  await kasper.close();

  // Reactivate lone.
  await page.locator('#reactivate-lone').click();
  await page.getByRole('button', { name: 'Ja, genaktivér kontoen' }).click();
  await expect(page.getByText('lone er genaktiveret')).toBeVisible();
  await expect(page.locator('#reactivate-lone')).toHaveCount(0);
  await expect(page.locator('#disable-lone')).toBeVisible();

  // Make kasper an admin, and back; cancel leaves everything as it was.
  await page.locator('#role-kasper').click();
  await page.getByRole('button', { name: 'Fortryd' }).click();
  await expect(page.locator('#role-kasper')).toBeFocused();
  await page.locator('#role-kasper').click();
  await page.getByRole('button', { name: 'Ja, skift rolle' }).click();
  await expect(page.getByText('kasper har nu rollen Administrator')).toBeVisible();
  await expect(page.locator('#role-kasper')).toHaveText(/Gør kasper til sagsbehandler/);

  await page.getByRole('button', { name: 'Change language to English' }).click();
  await page.locator('#role-kasper').click();
  await expect(page.getByRole('alertdialog', { name: 'Give kasper the role Caseworker?' })).toBeVisible();
  await expectNoAxeViolations(page, 'role question (en)');
  await shoot(page, 'role-question-en');
  await page.getByRole('button', { name: 'Yes, change the role' }).click();
  await expect(page.getByText('kasper now has the role Caseworker')).toBeVisible();

  const audit = (await (await page.request.get(`${base}/api/v1/staff/audit?limit=200`)).json()).entries as { action: string; target: string | null }[];
  for (const [action, target] of [['reset_password', 'kasper'], ['reactivate_user', 'lone'], ['change_role', 'kasper']]) {
    expect(audit.some((e) => e.action === action && e.target === target), `${action} ${target}`).toBe(true);
  }
  await shoot(page, 'users-en');
});

test('the session-expiry warning comes before the idle end; "Forbliv logget ind" extends, and the end signs out', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.clock.install();
  await signIn(page, SERVER_ADMIN, recoveryCodes[1]);
  await expect(page.getByRole('heading', { level: 1, name: 'Indbakke' })).toBeVisible();
  const dialog = page.getByRole('alertdialog', { name: 'Du bliver snart logget ud' });
  // The browser's clock stands still from here and moves only when the test moves it.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await page.clock.runFor('02:30');
  await expect(dialog).toHaveCount(0);
  // 5 idle minutes: the warning comes two minutes before the end.
  await page.clock.runFor('00:50');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('expiry-countdown')).toHaveText(/^1:[0-5]\d$/);
  const stay = page.getByRole('button', { name: 'Forbliv logget ind' });
  await expect(stay).toBeFocused();
  // Focus stays inside: Tab goes to "Log ud" and round again.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Log ud' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(stay).toBeFocused();
  // axe waits on timers: the paused clock is moved on in small steps until it has looked, paced by
  // real time so that a slow machine does not run the warning's two minutes out meanwhile.
  let looked = false;
  const axe = expectNoAxeViolations(page, 'expiry warning').finally(() => (looked = true));
  // Its failure is reported by the `await axe` below, not as an unhandled rejection meanwhile.
  axe.catch(() => undefined);
  while (!looked) {
    // The clock is the whole context's, and axe finishes in a blank page of this context that it
    // closes: moving the clock just then fails for that page ("Target page … has been closed",
    // seen on a busy machine), not for ours.
    await page.clock.runFor(100).catch((error: unknown) => {
      if (page.isClosed()) throw error;
    });
    await Promise.race([axe.catch(() => undefined), new Promise((r) => setTimeout(r, 250))]);
  }
  await axe;
  await shoot(page, 'expiry-warning-da');

  const ping = page.waitForResponse((r) => r.url().endsWith('/api/v1/staff/session') && r.status() === 200);
  await stay.click();
  await ping;
  await expect(dialog).toHaveCount(0);

  // Escape is "stay" too.
  await page.clock.runFor('02:30');
  await expect(dialog).toBeVisible();
  const again = page.waitForResponse((r) => r.url().endsWith('/api/v1/staff/session') && r.status() === 200);
  await page.keyboard.press('Escape');
  await again;
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Change language to English' }).click();
  await page.clock.runFor('02:30');
  await expect(page.getByRole('alertdialog', { name: 'You will soon be signed out' })).toBeVisible();
  await shoot(page, 'expiry-warning-en');
  // Nobody there: at the end the back office goes back to the login, and says why.
  await page.clock.runFor('02:10');
  await expect(page.getByText('You have been logged out. Log in again.')).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
