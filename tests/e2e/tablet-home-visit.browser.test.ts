import { expect, test, type Page } from '@playwright/test';
import { choose, fieldId, fillAddress, fillDate, fillText, next } from './support/forms.ts';
import { rawStorage } from './support/raw-storage.ts';
import { createCaseworker, logInAt } from './support/staff.ts';
import { enrolTablet, heading, outboxRows, reopen, signInAndSetPin, tabletStaff, tabletText, unlockTablet } from './support/tablet.ts';
import { reloadUnderServiceWorker } from './support/service-worker.ts';

/** Today on the Copenhagen clock, as the visit date. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());

async function drawSignature(page: Page): Promise<void> {
  const box = (await page.locator('canvas.signature-canvas').boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 180, box.y + 120, { steps: 8 });
  await page.mouse.move(box.x + 320, box.y + 40, { steps: 8 });
  await page.mouse.up();
}

test('a home visit done offline survives the tablet being closed, is synced, and a caseworker reads it and closes it', async ({ browser, context, page, request }) => {
  test.setTimeout(180_000);
  const staff = await tabletStaff(request, 'visit');
  await enrolTablet(page, 'Hjemmebesøg-tablet');
  await signInAndSetPin(page, staff);
  // Once more, so that the service worker controls the page: then the tablet starts with no network.
  await reloadUnderServiceWorker(page);
  await unlockTablet(page);

  await context.setOffline(true);
  await expect(page.locator('#tablet-sync-status')).toContainText('Offline');
  await page.locator('#start-home-visit').click();
  await expect(heading(page)).toHaveText('Borgeren');
  await fillDate(page, 'visitDate', today());
  await choose(page, 'scheme', 'nemid', 'mitid');
  await fillText(page, 'name', 'Karen Sørensen');
  await fillText(page, 'cpr', '010190-1234');
  await fillAddress(page, 'registeredAddress', { street: 'Vestergade', number: '3', postcode: '5000' });
  await next(page);
  await expect(page.locator('.tablet-draft-status')).toHaveText('Besøget er gemt krypteret på tabletten.');
  await page.locator(fieldId('noPassportOrLicence')).check();
  await choose(page, 'whyNotIn', 'illness', 'illness');
  await fillText(page, 'whyNotInDetails', 'Sengeliggende efter en operation.');
  await next(page);
  await expect(heading(page)).toHaveText('Sete dokumenter');
  await page.screenshot({ path: 'test-results/screenshots/tablet-home-visit-documents-da.png', fullPage: true });

  // The tablet is closed halfway and opened again, still offline: locked, and nothing readable in storage.
  const again = await reopen(context, page);
  await expect(heading(again)).toHaveText(tabletText.da.locked);
  const stored = await rawStorage(again);
  for (const secret of ['Karen', 'Sørensen', '010190', 'Vestergade', 'Sengeliggende']) expect(stored).not.toContain(secret);
  await unlockTablet(again);
  const draft = again.locator('.tablet-drafts a');
  await expect(draft).toHaveCount(1);
  await expect(draft).toContainText('Fortsæt: Udkørende identifikation');
  await draft.click();
  await expect(heading(again)).toHaveText('Sete dokumenter');

  await again.locator(`${fieldId('documents')}-health-card`).check();
  await again.locator(`${fieldId('documents')}-tax-statement`).check();
  await next(again);
  await fillText(again, 'witnessName', 'Ole Vidne');
  await fillText(again, 'witnessCpr', '150575-1234');
  await again.locator(fieldId('witnessPhotoId')).check();
  await again.locator(fieldId('witnessDeclaration')).check();
  await again.locator(fieldId('witnessSignature')).check();
  await drawSignature(again);
  await next(again);
  await fillText(again, 'letterSerial', 'AB 123456');
  await again.locator(fieldId('nemidRulesHandedOver')).check();
  await next(again);
  await expect(heading(again)).toHaveText('Tjek dine svar');
  // The answers typed before the tablet was closed are there.
  await expect(again.locator('main')).toContainText('Karen Sørensen');
  await expect(again.locator('main')).toContainText('Sengeliggende efter en operation.');
  await again.getByRole('button', { name: 'Send anmodningen' }).click();
  // Offline at the citizen's home: saved on the tablet, not yet sent.
  await expect(heading(again)).toHaveText('Anmodningen er gemt på tabletten');
  const reference = (await again.locator('.receipt-reference').innerText()).trim();
  await again.getByRole('button', { name: 'Afslut' }).click();
  await expect(heading(again)).toHaveText(tabletText.da.home);
  await expect(again.locator('main')).toContainText('Der er ingen ufærdige besøg.');

  await again.locator('a[href="/tablet/outbox"]').first().click();
  await expect.poll(() => outboxRows(again)).toEqual([{ reference, state: 'queued' }]);
  await expect(again.locator('#tablet-sync-status')).toContainText('1 venter på at blive sendt');
  await again.screenshot({ path: 'test-results/screenshots/tablet-outbox-offline-da.png', fullPage: true });
  await context.setOffline(false);
  await expect.poll(() => outboxRows(again), { timeout: 45_000 }).toEqual([{ reference, state: 'stored' }]);
  await expect(again.locator(`#tablet-outbox tr[data-reference="${reference}"]`)).toContainText('Udkørende identifikation');
  await expect(again.locator('#tablet-sync-status')).toContainText('Online');
  await expect(again.locator('#tablet-sync-status')).toContainText('Sidst synkroniseret');

  // At the office: a caseworker finds it, reads it (signature included), and moves it along.
  const office = await browser.newContext();
  try {
    const desk = await office.newPage();
    const caseworker = await createCaseworker(request, 'office');
    await logInAt(desk, caseworker);
    await desk.getByLabel('Type', { exact: true }).selectOption('home-visit');
    await desk.getByRole('button', { name: 'Vis henvendelser' }).click();
    await desk.getByRole('link', { name: reference }).click();
    await expect(desk.getByRole('heading', { level: 1 })).toHaveText(`Henvendelse ${reference}`);
    const answers = desk.locator('section[aria-labelledby="answers-heading"]');
    await expect(answers).toContainText('Karen Sørensen');
    await expect(answers).toContainText('Ole Vidne');
    await expect(answers).toContainText('AB 123456');
    await expect(answers.locator('img.staff-signature')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await desk.getByRole('button', { name: 'Sæt under behandling' }).click();
    await expect(desk.locator('#submission-status')).toHaveText('Under behandling');
    await desk.getByRole('button', { name: 'Afslut' }).click();
    await expect(desk.locator('#submission-status')).toHaveText('Afsluttet');
    // The audit log is read again after each change: wait for the last one's rows.
    const audit = desk.locator('#submission-audit tbody tr');
    await expect(audit).toHaveCount(5);
    const steps = await audit.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(1, 3).map((td) => td.textContent!.trim())).reverse());
    expect(steps).toEqual([
      [caseworker.username, 'Læst'],
      [caseworker.username, 'Status ændret'],
      [caseworker.username, 'Læst'],
      [caseworker.username, 'Status ændret'],
      [caseworker.username, 'Læst'],
    ]);
    await desk.screenshot({ path: 'test-results/screenshots/tablet-home-visit-at-office-da.png', fullPage: true });
  } finally {
    await office.close();
  }
});
