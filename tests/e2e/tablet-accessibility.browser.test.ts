import { expect, test, type Page } from '@playwright/test';
import { choose, fieldId, fillAddress, fillDate, fillText, next } from './support/forms.ts';
import { chooseLanguage, expectNoRawKeys, viewports } from './support/kiosk.ts';
import { expectNoAxeViolations } from './support/staff.ts';
import { enrolTablet, heading, readyTablet, TABLET_PIN, tabletStaff, tabletText, typePin } from './support/tablet.ts';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());

/** axe, no raw keys and a screenshot of the screen as it is, in Danish and in English; ends in Danish. */
async function checkBoth(page: Page, name: string): Promise<void> {
  for (const language of ['da', 'en'] as const) {
    await chooseLanguage(page, language);
    await expect(heading(page)).toBeVisible();
    await expectNoRawKeys(page);
    expect(await page.locator('body').innerText()).not.toMatch(/\btablet:[a-zA-Z]/);
    await expectNoAxeViolations(page, `${name} ${language}`);
    await page.screenshot({ path: `test-results/screenshots/tablet-${name}-${language}.png`, fullPage: true });
  }
  await chooseLanguage(page, 'da');
}

test('every staff screen before unlock has no axe violations, in Danish and English', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto('/tablet');
  await expect(heading(page)).toHaveText('Tabletten er ikke tilmeldt');
  await expect(page.getByRole('link', { name: 'Gå til opsætning' })).toHaveAttribute('href', '/setup');
  await checkBoth(page, 'not-enrolled');

  const staff = await tabletStaff(request, 'axe1');
  await enrolTablet(page, 'Axe-tablet');
  // A device enrolled as a tablet opens in staff mode, not on the kiosk's start screen.
  await page.goto('/');
  await expect(page).toHaveURL(/\/tablet$/);
  await expect(heading(page)).toHaveText(tabletText.da.signIn);
  await checkBoth(page, 'sign-in');
  await page.locator('main form button[type="submit"]').click();
  await expect(page.getByRole('alert')).toBeFocused();
  await checkBoth(page, 'sign-in-errors');

  // The first sign-in needs the server, and says so without a connection.
  await page.locator('#signin-username').fill(staff.username);
  await page.locator('#signin-password').fill(staff.password);
  await page.context().setOffline(true);
  await page.locator('main form button[type="submit"]').click();
  await expect(page.getByRole('alert')).toContainText('Tabletten har ingen forbindelse. Første log ind kræver internet');
  await expect(page.locator('#signin-password')).toHaveValue('');
  await page.context().setOffline(false);
  await page.locator('#signin-password').fill(staff.password);
  await page.locator('main form button[type="submit"]').click();
  await expect(heading(page)).toHaveText(tabletText.da.setPin);
  await checkBoth(page, 'set-pin');
  await page.locator('#pin-new').fill('12ab');
  await page.locator('main form button[type="submit"]').click();
  await expect(page.getByRole('alert')).toContainText('Pinkoden må kun indeholde tal');
  await page.locator('#pin-new').fill('123');
  await page.locator('main form button[type="submit"]').click();
  await expect(page.getByRole('alert')).toContainText('Pinkoden skal have mindst 6 cifre');
  await page.locator('#pin-new').fill(TABLET_PIN);
  await page.locator('#pin-again').fill('999999');
  await page.locator('main form button[type="submit"]').click();
  await expect(page.getByRole('alert')).toContainText('De to pinkoder er ikke ens');
  await checkBoth(page, 'set-pin-errors');
  await page.locator('#pin-again').fill(TABLET_PIN);
  await page.locator('main form button[type="submit"]').click();
  await expect(heading(page)).toHaveText(tabletText.da.home);

  await page.locator('#tablet-lock').click();
  await expect(heading(page)).toHaveText(tabletText.da.locked);
  await checkBoth(page, 'locked');
  await typePin(page, '111111');
  await expect(page.getByRole('alert')).toContainText('Du har 4 forsøg tilbage');
  await checkBoth(page, 'locked-wrong-pin');
});

test('every staff screen after unlock has no axe violations, in Danish and English', async ({ page, request }) => {
  test.setTimeout(180_000);
  await readyTablet(page, request, 'axe2');
  await checkBoth(page, 'home');
  // Tablets are held both ways.
  await page.setViewportSize(viewports.landscape);
  await checkBoth(page, 'home-landscape');
  await page.setViewportSize(viewports.portrait);

  // A home visit: its steps, an error, and the step with the signature.
  await page.locator('#start-home-visit').click();
  await checkBoth(page, 'visit-citizen');
  await page.locator('main form button[type="submit"]').click();
  await expect(page.getByRole('alert')).toBeFocused();
  await checkBoth(page, 'visit-citizen-errors');
  await fillDate(page, 'visitDate', today());
  await choose(page, 'scheme', 'nemid', 'mitid');
  await fillText(page, 'name', 'Karen Axe');
  await fillText(page, 'cpr', '010190-1234');
  await fillAddress(page, 'registeredAddress', { street: 'Vestergade', number: '3', postcode: '5000' });
  await next(page);
  await page.locator(fieldId('noPassportOrLicence')).check();
  await choose(page, 'whyNotIn', 'illness', 'illness');
  await fillText(page, 'whyNotInDetails', 'Sengeliggende.');
  await next(page);
  await checkBoth(page, 'visit-documents');
  await page.locator(`${fieldId('documents')}-health-card`).check();
  await page.locator(`${fieldId('documents')}-tax-statement`).check();
  await next(page);
  await checkBoth(page, 'visit-witness');

  // Home again: the unfinished visit is listed.
  await page.locator('a[href="/tablet"]').first().click();
  await expect(heading(page)).toHaveText(tabletText.da.home);
  await expect(page.locator('.tablet-drafts a')).toHaveCount(1);
  await checkBoth(page, 'home-with-draft');

  // Assisted service.
  await page.locator('a[href="/tablet/service/complaint"]').click();
  await checkBoth(page, 'assisted-complaint');
  await page.locator('a.back-link').click();
  await expect(heading(page)).toHaveText(tabletText.da.home);

  // The outbox, with a rejected item and the discard dialog open.
  await page.context().route('**/api/v1/submissions', (route) => {
    const { submissions } = route.request().postDataJSON() as { submissions: { id: string; reference: string }[] };
    return route.fulfill({ json: { results: submissions.map((e) => ({ id: e.id, reference: e.reference, status: 'invalid', errors: [{ path: 'data.name', code: 'required' }] })) } });
  });
  const { sendAssistedBlock } = await import('./support/tablet.ts');
  await sendAssistedBlock(page);
  await page.locator('a[href="/tablet/outbox"]').first().click();
  await expect(page.locator('#tablet-outbox tbody tr[data-state="rejected"]')).toHaveCount(1, { timeout: 30_000 });
  await checkBoth(page, 'outbox');
  await page.locator('#tablet-outbox tbody tr').getByRole('button', { name: /^Kassér/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Kassér henvendelsen' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'discard dialog with an error da');
  await page.screenshot({ path: 'test-results/screenshots/tablet-discard-dialog-da.png', fullPage: true });
});
