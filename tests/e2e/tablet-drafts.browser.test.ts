import { expect, test, type Page } from '@playwright/test';
import { choose, fieldId, fillAddress, fillDate, fillText, next } from './support/forms.ts';
import { rawStorage } from './support/raw-storage.ts';
import { heading, readyTablet, TABLET_PIN, tabletText, typePin, unlockTablet } from './support/tablet.ts';

/** Today on the Copenhagen clock, as the visit date. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());

/** How many times the form on screen has written its encrypted draft. */
const saves = async (page: Page) => Number(await page.locator('.tablet-draft-status').getAttribute('data-saves'));

/** Waits until the draft was written again after `before` saves (typing is saved once it pauses). */
async function savedSince(page: Page, before: number): Promise<void> {
  await expect.poll(() => saves(page)).toBeGreaterThan(before);
}

async function toWitnessStep(page: Page): Promise<void> {
  await page.locator('#start-home-visit').click();
  await fillDate(page, 'visitDate', today());
  await choose(page, 'scheme', 'nemid', 'mitid');
  await fillText(page, 'name', 'Karen Sørensen');
  await fillText(page, 'cpr', '010190-1234');
  await fillAddress(page, 'registeredAddress', { street: 'Vestergade', number: '3', postcode: '5000' });
  await next(page);
  await page.locator(fieldId('noPassportOrLicence')).check();
  await choose(page, 'whyNotIn', 'illness', 'illness');
  await fillText(page, 'whyNotInDetails', 'Sengeliggende efter en operation.');
  await next(page);
  await page.locator(`${fieldId('documents')}-health-card`).check();
  await page.locator(`${fieldId('documents')}-tax-statement`).check();
  await next(page);
  await expect(heading(page)).toHaveText('Vitterlighedsvidnet');
}

test('the witness step of a home visit comes back after a lock and after a reload, and nothing of it is readable in storage', async ({ page, request }) => {
  test.setTimeout(120_000);
  await readyTablet(page, request, 'drafts');
  await toWitnessStep(page);
  await fillText(page, 'witnessName', 'Ole Vidne');
  await fillText(page, 'witnessCpr', '150575-1234');

  // Locked at once, before the typing pause: the lock itself saves the step.
  await page.locator('#tablet-lock').click();
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  const stored = await rawStorage(page);
  for (const secret of ['Karen', 'Sørensen', '010190', 'Vestergade', 'Ole Vidne', '150575']) expect(stored).not.toContain(secret);
  await typePin(page, TABLET_PIN);
  await expect(heading(page)).toHaveText('Vitterlighedsvidnet');
  await expect(page.locator(fieldId('witnessName'))).toHaveValue('Ole Vidne');
  await expect(page.locator(fieldId('witnessCpr'))).toHaveValue('150575-XXXX'); // shown masked, as after any entry

  // Typing is saved once it pauses; a reload then comes back to the same step.
  const before = await saves(page);
  await page.locator(fieldId('witnessPhotoId')).check();
  await fillText(page, 'witnessName', 'Ole Vidnesen');
  await savedSince(page, before);
  await page.reload();
  await typePin(page, TABLET_PIN);
  await expect(heading(page)).toHaveText('Vitterlighedsvidnet');
  await expect(page.locator(fieldId('witnessName'))).toHaveValue('Ole Vidnesen');
  await expect(page.locator(fieldId('witnessPhotoId'))).toBeChecked();
  await page.screenshot({ path: 'test-results/screenshots/tablet-draft-restored-da.png', fullPage: true });

  // The earlier steps are there too.
  await page.locator('main a.back-link').click();
  await expect(heading(page)).toHaveText('Sete dokumenter');
  await expect(page.locator(`${fieldId('documents')}-health-card`)).toBeChecked();
});

test('an assisted form keeps its step through a reload, shows up among the drafts, and is gone once sent', async ({ page, request }) => {
  test.setTimeout(120_000);
  await readyTablet(page, request, 'adraft');
  await page.locator('a[href="/tablet/service/block-digital-id"]').click();
  await choose(page, 'scheme', 'nemid', 'nemid');
  await next(page);
  await next(page); // the number to call now
  await choose(page, 'lost', 'key-card', 'key-card');
  await fillText(page, 'details', 'Pungen blev stjålet.');
  const beforeStep = await saves(page);
  await next(page);
  // The step's own save first, so that the wait below is for the save of what is typed next.
  await savedSince(page, beforeStep);
  const before = await saves(page);
  await fillText(page, 'name', 'Karen Hansen');
  await savedSince(page, before);
  expect(await rawStorage(page)).not.toContain('Karen');

  await page.reload();
  await typePin(page, TABLET_PIN);
  await expect(page.locator(fieldId('name'))).toHaveValue('Karen Hansen');

  // Back to home, step by step: the unfinished form is listed and opens at the step it was left on.
  for (let step = 0; step < 4; step++) await page.locator('main a.back-link').click();
  await expect(heading(page)).toHaveText(tabletText.da.home);
  await expect(page.locator('.tablet-drafts a')).toHaveCount(1);
  await page.locator('.tablet-drafts a').click();
  await expect(page.locator(fieldId('scheme'))).toBeChecked();
  await next(page);
  await next(page);
  await expect(page.locator(fieldId('details'))).toHaveValue('Pungen blev stjålet.');
  await next(page);
  await expect(page.locator(fieldId('name'))).toHaveValue('Karen Hansen');
  await fillText(page, 'cpr', '010190-1234');
  await fillText(page, 'phone', '12 34 56 78');
  await next(page);
  await page.getByRole('button', { name: 'Send anmodningen' }).click();
  await expect(heading(page)).toHaveText(/^(Din anmodning er sendt|Anmodningen er gemt på tabletten)$/);
  await page.getByRole('button', { name: 'Afslut' }).click();
  await expect(heading(page)).toHaveText(tabletText.da.home);
  await expect(page.locator('.tablet-drafts a')).toHaveCount(0);

  // Locked and opened again: still no draft (the sent form never comes back).
  await page.locator('#tablet-lock').click();
  await unlockTablet(page);
  await expect(page.locator('.tablet-drafts a')).toHaveCount(0);
});
