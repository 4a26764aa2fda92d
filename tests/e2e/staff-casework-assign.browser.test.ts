import { expect, test } from '@playwright/test';
import { adminApi, createCaseworker, logInAt, storeDeviceTest } from './support/staff.ts';

test('a caseworker takes a case, finds it under "Mine sager", writes a note, closes it and reopens it with a reason, in Danish', async ({ page, request }) => {
  await adminApi(request);
  const caseworker = await createCaseworker(request, 'mine');
  const { reference } = await storeDeviceTest(request, 'Sagsbehandling-tablet');

  await logInAt(page, caseworker);
  await page.getByLabel('Sager').selectOption('none');
  await page.getByRole('button', { name: 'Vis henvendelser' }).click();
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Henvendelse ${reference}`);
  // Due 10 business days after arrival: in the future, so not overdue.
  await expect(page.locator('#submission-due')).toContainText('Senest den');
  await expect(page.locator('#submission-due .badge')).toHaveCount(0);

  await expect(page.locator('#submission-assignee')).toHaveText('Ingen');
  await page.getByRole('button', { name: 'Tag sagen' }).click();
  await expect(page.locator('#submission-assignee')).toHaveText(caseworker.username);
  await expect(page.getByRole('status')).toContainText(`Sagen er nu hos ${caseworker.username}`);

  // "Mine sager" lists this case and nothing else (the caseworker is new).
  await page.getByRole('link', { name: 'Tilbage til indbakken' }).click();
  await page.getByLabel('Sager').selectOption('me');
  await page.getByRole('button', { name: 'Vis henvendelser' }).click();
  await expect(page.locator('#inbox-count')).toHaveText(/^1 henvendelse\b/);
  await page.screenshot({ path: 'test-results/casework-mine-da.png', fullPage: true });
  await page.getByRole('link', { name: reference }).click();

  // A note without a change of status; an empty one is refused on the field.
  await page.getByRole('button', { name: 'Gem note' }).click();
  await expect(page.getByText('Skriv noten, før du gemmer').first()).toBeVisible();
  await page.getByLabel('Ny note').fill('Borgeren ringede og spurgte til sagen');
  await page.getByRole('button', { name: 'Gem note' }).click();
  await expect(page.getByRole('status')).toContainText('Noten er gemt');
  const history = page.locator('#submission-history tbody tr');
  await expect(history).toHaveCount(2);
  await expect(history.nth(1)).toContainText('Note');
  await expect(history.nth(1)).toContainText('Borgeren ringede og spurgte til sagen');
  await expect(page.getByLabel('Ny note')).toHaveValue('');

  await page.getByRole('button', { name: 'Sæt under behandling' }).click();
  await expect(page.locator('#submission-status')).toHaveText('Under behandling');
  await page.getByRole('button', { name: 'Afslut' }).click();
  await expect(page.locator('#submission-status')).toHaveText('Afsluttet');

  // Reopening needs a reason: refused on the field first, then done with one.
  await page.getByRole('button', { name: 'Genåbn sagen' }).click();
  await expect(page.getByText('Skriv hvorfor sagen genåbnes').first()).toBeVisible();
  await expect(page.locator('#submission-status')).toHaveText('Afsluttet');
  await page.getByLabel('Note til historikken').fill('Borgeren har sendt en ny adresse');
  await page.getByRole('button', { name: 'Genåbn sagen' }).click();
  await expect(page.locator('#submission-status')).toHaveText('Under behandling');
  await expect(history).toHaveCount(5);
  await expect(history.nth(4)).toContainText('Afsluttet → Under behandling');
  await expect(history.nth(4)).toContainText('Borgeren har sendt en ny adresse');
  await expect(history.nth(4)).toContainText(caseworker.username);

  // The case's audit log names each step in words, the note's text never.
  const audit = page.locator('#submission-audit');
  await expect(audit).toContainText('Sag tildelt');
  await expect(audit).toContainText(`sagsbehandler: ${caseworker.username}`);
  await expect(audit).toContainText('Note tilføjet');
  await expect(audit).not.toContainText('Borgeren ringede');
  await page.screenshot({ path: 'test-results/casework-detail-da.png', fullPage: true });
});

test('an admin filters the audit log by a case\'s reference typed without hyphens, sees the total and exports it', async ({ page, request }) => {
  await adminApi(request);
  const { reference } = await storeDeviceTest(request, 'Revisions-tablet');
  await logInAt(page, { username: 'admin', password: 'e2e-admin-password' });
  await page.getByLabel('Sager').selectOption('');
  await page.getByRole('button', { name: 'Vis henvendelser' }).click();
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('button', { name: 'Tag sagen' }).click();
  await expect(page.locator('#submission-assignee')).toHaveText('admin');

  await page.getByRole('link', { name: 'Revisionslog' }).click();
  await page.getByLabel('Sag').fill(reference.replace(/-/g, '').toLowerCase());
  await page.getByRole('button', { name: 'Vis hændelser' }).click();
  // The read and the assignment.
  await expect(page.locator('#audit-count')).toHaveText('2 hændelser');
  await expect(page.locator('#audit-table tbody tr').first()).toContainText('Sag tildelt');
  const href = await page.getByRole('link', { name: 'Eksportér loggen som CSV' }).getAttribute('href');
  expect(href).toContain('/api/v1/staff/audit.csv?target=');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8')).toContain(`;admin;Sag tildelt;${reference};`);
  await page.screenshot({ path: 'test-results/casework-audit-da.png', fullPage: true });
});
