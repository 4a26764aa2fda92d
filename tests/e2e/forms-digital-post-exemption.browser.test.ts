import { expect, test, type Page } from '@playwright/test';
import { calendarDate } from '#domain/dates.ts';
import { enrolKiosk } from './support/enrol.ts';
import { choose, completeFormOffline, cprTurning, fieldId, fillAddress, fillText, flowText, next, printedText, screenshotBothSizes, signTyped, yesNo } from './support/forms.ts';
import { chooseLanguage } from './support/kiosk.ts';
import { readOutbox } from './support/outbox-page.ts';

const fullCpr = /0101901234|010190-1234/;

test('exemption from Digital Post in Danish: grounds shown, declaration and a drawn signature', async ({ page, context }) => {
  await enrolKiosk(page);
  const { reference, printed, screen } = await completeFormOffline(page, context, 'digital-post-exemption', 'da', [
    async (p) => {
      // Version 2: a relative may declare for a person who cannot.
      await expect(p.locator('main')).toContainText('en pårørende eller en medarbejder i plejen');
      await choose(p, 'declaredBy', 'relative', 'self');
      await fillText(p, 'declarantName', 'Ole Hansen');
    },
    async (p) => {
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '010190-1234');
      await yesNo(p, 'hasPostalAddress', true);
      await fillAddress(p, 'postalAddress', { street: 'Vestergade', number: '3', postcode: '5000', town: 'Odense C' });
    },
    async (p) => {
      await expect(p.locator('main')).toContainText('Fritagelsen gælder resten af livet');
      await expect(p.locator('main')).toContainText('Udbetaling Danmark kræver dog en særskilt afgørelse');
      await expect(p.locator('main')).toContainText('fra de sidste 6 måneder');
      await yesNo(p, 'forwardUnopened', true);
      await yesNo(p, 'udkExemption', true);
    },
    async (p) => {
      // The six grounds from the rule data, as information only: nothing to choose.
      await expect(p.locator('main ul li')).toHaveCount(6);
      await expect(p.locator('main')).toContainText('Du har sprogvanskeligheder');
      await p.locator(fieldId('declaration')).check();
      await p.locator(fieldId('signature')).check();
      const box = (await p.locator('canvas.signature-canvas').boundingBox())!;
      await p.mouse.move(box.x + 20, box.y + 60);
      await p.mouse.down();
      await p.mouse.move(box.x + 180, box.y + 120, { steps: 8 });
      await p.mouse.move(box.x + 320, box.y + 40, { steps: 8 });
      await p.mouse.up();
    },
  ], { screenshots: true });
  expect(screen).not.toMatch(fullCpr);
  expect(printed).toContain(reference);
  expect(printed).toContain('010190-XXXX');
  expect(printed).not.toMatch(fullCpr);
  expect(printed).toContain('Ole Hansen');
  expect(printed).toContain('Vestergade 3');
  expect(printed).toContain('Underskrevet på skærmen');
  // The copy is built only while printing (beforeprint) and removed after (afterprint).
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  expect(await page.locator('.print-copy img.print-signature').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.print-copy')).toHaveCount(0);
});

test('exemption from Digital Post in English with a typed signature', async ({ page, context }) => {
  await enrolKiosk(page);
  const { reference, printed, screen } = await completeFormOffline(page, context, 'digital-post-exemption', 'en', [
    async (p) => {
      await choose(p, 'declaredBy', 'self', 'self');
      await expect(p.locator(fieldId('declarantName'))).toHaveCount(0);
    },
    async (p) => {
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '0101901234');
      await yesNo(p, 'hasPostalAddress', false);
    },
    async (p) => {
      await expect(p.locator('main')).toContainText('The exemption applies for life unless it is lifted');
      await yesNo(p, 'forwardUnopened', false);
      await yesNo(p, 'udkExemption', true);
    },
    async (p) => {
      await expect(p.locator('main')).toContainText('You have language difficulties');
      await p.locator(fieldId('declaration')).check();
      await signTyped(p, 'signature', 'Karen Hansen');
    },
  ], { screenshots: true });
  expect(screen).not.toMatch(fullCpr);
  expect(printed).toContain(reference);
  expect(printed).toContain('010190-XXXX');
  expect(printed).not.toMatch(fullCpr);
  expect(printed).toContain('Signed with typed name: Karen Hansen');
  expect(printed).toContain('I declare on my honour');

  // The 80 mm receipt slip: what identifies the request, none of the answers.
  const slip = await printedText(page, 'slip');
  expect(slip).toContain(reference);
  expect(slip).toContain('Exemption from Digital Post');
  expect(slip).not.toContain('Karen Hansen');
  expect(slip).not.toMatch(fullCpr);
});

test('a missing declaration and signature show the error summary, and nothing is queued', async ({ page }) => {
  await enrolKiosk(page);
  await page.goto('/service/digital-post-exemption');
  await fillAllButTheDeclaration(page);
  await page.locator('form button[type="submit"]').click();
  const summary = page.locator('.alert.alert-error[role="alert"]');
  await expect(summary).toContainText(flowText.da.problem);
  const link = summary.getByRole('link', { name: 'Sæt kryds for at bekræfte erklæringen' });
  await link.click();
  await expect(page.locator(fieldId('declaration'))).toBeFocused();
  await summary.getByRole('link', { name: 'Skriv under med fingeren, eller skriv dit fulde navn som underskrift' }).click();
  await expect(page.locator(fieldId('signature'))).toBeFocused();
  expect(await readOutbox(page)).toEqual([]);
});

test('a kiosk that cannot save the request says so and offers the printed copy; the answers stay', async ({ page }) => {
  // Not enrolled: submit() refuses with NotEnrolledError, as it would with a full or closed database.
  await page.goto('/service/digital-post-exemption');
  await fillAllButTheDeclaration(page);
  await page.locator(fieldId('declaration')).check();
  await signTyped(page, 'signature', 'Karen Hansen');
  await next(page);
  await page.getByRole('button', { name: flowText.da.send }).click();
  await expect(page.locator('main h1')).toHaveText('Din anmodning kunne ikke gemmes på kiosken');
  await expect(page.locator('main [role="alert"]')).toContainText('Udskriv den, og aflever den ved skranken');
  await expect(page.getByRole('button', { name: 'Udskriv en kopi' })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toMatch(fullCpr);
  const printed = await printedText(page);
  expect(printed).toContain('Ikke sendt. Aflever denne kopi ved skranken.');
  // Room to sign the paper by hand at the counter, with the date, and to write the CPR number in full.
  expect(printed).toContain('Skriv under på den, når du afleverer den');
  expect(printed).toMatch(/Underskrift\s+Dato/);
  expect(printed).toContain('010190-XXXX');
  expect(printed).toContain('Hele CPR-nummeret');
  expect(printed).not.toMatch(fullCpr);
  expect(printed).toContain('Karen Hansen');

  // Finish ends the session (after asking: something was typed); the answers are gone.
  await page.locator('header').getByRole('button', { name: 'Afslut' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, afslut og slet det indtastede' }).click();
  await expect(page.locator('main h1')).toHaveText('Velkommen til Borgerservice');
  await expect(page.locator('.print-copy')).toHaveCount(0);
  await page.goto('/service/digital-post-exemption');
  await expect(page.locator(fieldId('declaredBy'))).not.toBeChecked();
  await choose(page, 'declaredBy', 'self', 'self');
  await next(page);
  await expect(page.locator(fieldId('name'))).toHaveValue('');
});

/** The exemption's first three steps, for the citizen themself, up to the declaration. */
async function fillAllButTheDeclaration(page: Page): Promise<void> {
  await choose(page, 'declaredBy', 'self', 'self');
  await next(page);
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0101901234');
  await yesNo(page, 'hasPostalAddress', false);
  await next(page);
  await yesNo(page, 'forwardUnopened', false);
  await yesNo(page, 'udkExemption', false);
  await next(page);
}

test('a person under 15 has no Digital Post to be exempted from: refused with the day they turn 15, in both languages', async ({ page }) => {
  const today = calendarDate(new Date());
  for (const [language, message] of [
    ['da', /Man får Digital Post, når man fylder 15 år, så der er endnu ikke noget at blive fritaget for\. Personen fylder 15 år /],
    ['en', /People get Digital Post when they turn 15, so there is nothing to be exempted from yet\. The person turns 15 on /],
  ] as const) {
    await page.goto('/service/digital-post-exemption');
    await chooseLanguage(page, language);
    await choose(page, 'declaredBy', 'relative', 'self');
    await fillText(page, 'declarantName', 'Karen Hansen');
    await next(page);
    await fillText(page, 'name', 'Ida Hansen');
    await fillText(page, 'cpr', cprTurning(15, 2, today));
    await yesNo(page, 'hasPostalAddress', false);
    await page.locator('form button[type="submit"]').click();
    const link = page.locator('.alert.alert-error[role="alert"]').getByRole('link', { name: message });
    await expect(link).toBeVisible();
    await expect(page.locator(`${fieldId('cpr')}-error`)).toContainText(message);
    await screenshotBothSizes(page, `digital-post-exemption-age-error-${language}`);
  }
});
