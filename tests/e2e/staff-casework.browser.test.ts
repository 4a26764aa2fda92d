import { expect, test } from '@playwright/test';
import { adminApi, createCaseworker, logInAt, storeDeviceTest } from './support/staff.ts';

test('a caseworker logs in, finds a submission, reads it, moves it to in progress and done, and the audit log shows each step', async ({ page, request }) => {
  await adminApi(request);
  const caseworker = await createCaseworker(request, 'cw');
  const { reference } = await storeDeviceTest(request, 'Hjemmebesøg-tablet');

  await logInAt(page, caseworker);
  // A caseworker is offered no admin screens (and the server refuses their calls anyway).
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link')).toHaveText(['Indbakke', 'Venter nu', 'Dagens tider', 'Min konto']);
  await page.getByLabel('Type', { exact: true }).selectOption('device-test');
  await page.getByLabel('Status').selectOption('received');
  // Devices are offered by name under their kind, revoked ones marked, whether or not they are on the page.
  await expect(page.getByLabel('Enhed').locator('optgroup[label="Tablets"] option', { hasText: 'Hjemmebesøg-tablet' }).first()).toBeAttached();
  await page.getByLabel('Enhed').selectOption('tablet');
  await page.getByRole('button', { name: 'Vis henvendelser' }).click();
  await page.getByRole('link', { name: reference }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Henvendelse ${reference}`);
  await expect(page).toHaveURL(/\/staff\/submissions\/[0-9a-f-]{36}$/);
  const answers = page.locator('section[aria-labelledby="answers-heading"]');
  await expect(answers.locator('dt')).toHaveText(['Note', 'Sent at']);
  await expect(answers.locator('dd').first()).toHaveText('device-test');

  await page.getByRole('button', { name: 'Sæt under behandling' }).click();
  await expect(page.locator('#submission-status')).toHaveText('Under behandling');
  await page.getByLabel('Note til historikken').fill('Borgeren er ringet op');
  await page.getByRole('button', { name: 'Afslut' }).click();
  await expect(page.locator('#submission-status')).toHaveText('Afsluttet');
  // A closed case can be reopened (with a reason), so "done" offers only that.
  await expect(page.locator('.staff-actions').first().getByRole('button')).toHaveText(['Genåbn sagen']);

  const history = page.locator('#submission-history tbody tr');
  await expect(history).toHaveCount(3);
  await expect(history.nth(2)).toContainText('Under behandling → Afsluttet');
  await expect(history.nth(2)).toContainText(caseworker.username);
  await expect(history.nth(2)).toContainText('Borgeren er ringet op');

  // Newest first: a read on arrival and after each move, and the two moves between them.
  const audit = page.locator('#submission-audit tbody tr');
  // The audit table reloads after each move: wait for the last entries before reading them.
  await expect(audit).toHaveCount(5);
  const steps = await audit.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(1).map((td) => td.textContent!.trim())).reverse());
  expect(steps).toEqual([
    [caseworker.username, 'Læst', 'type: Testhenvendelse fra en enhed'],
    [caseworker.username, 'Status ændret', 'Modtaget → Under behandling'],
    [caseworker.username, 'Læst', 'type: Testhenvendelse fra en enhed'],
    [caseworker.username, 'Status ændret', 'Under behandling → Afsluttet; note skrevet'],
    [caseworker.username, 'Læst', 'type: Testhenvendelse fra en enhed'],
  ]);

  // The printed A4 copy: the case document (title, reference, answers, history), without navigation, buttons or audit.
  await page.emulateMedia({ media: 'print' });
  const paper = page.locator('.staff-case-print');
  await expect(paper).toContainText('Kopi af henvendelse');
  await expect(paper.locator('.staff-case-print__title')).toHaveText('Testhenvendelse fra en enhed');
  await expect(paper).toContainText('Borgeren er ringet op');
  for (const hidden of [page.getByRole('navigation'), page.getByRole('button', { name: 'Udskriv' }), page.locator('#submission-audit')]) await expect(hidden).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Printing tells the server first: the paper copy is in the audit log like a read on screen.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: 'Udskriv' }).click();
  await expect(audit.first()).toContainText('Udskrevet');

  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
});

test('a wrong password is named in the error summary, which moves focus to the field', async ({ page }) => {
  await page.goto('/staff');
  // Not the admin: failed logins lock a username, and other tests log in as the admin.
  await page.getByLabel('Brugernavn').fill('nobody-e2e');
  await page.getByLabel('Adgangskode').fill('not the password');
  await page.getByRole('button', { name: 'Log ind' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Der er problemer');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Brugernavn eller adgangskode er forkert' }).click();
  await expect(page.getByLabel('Adgangskode')).toBeFocused();
});
