import { expect, test } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { completeFormOffline, fieldId, fillAddress, fillText, flowText, next, printedText, signTyped, yesNo } from './support/forms.ts';
import { readOutbox } from './support/outbox-page.ts';

const fullCpr = /0101901234|010190-1234/;

test('exemption from Digital Post in Danish: grounds shown, declaration and a drawn signature', async ({ page, context }) => {
  await enrolKiosk(page);
  const { reference, printed, screen } = await completeFormOffline(page, context, 'digital-post-exemption', 'da', [
    async (p) => {
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '010190-1234');
      await yesNo(p, 'hasPostalAddress', true);
      await fillAddress(p, 'postalAddress', { street: 'Vestergade', number: '3', postcode: '5000', town: 'Odense C' });
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
  ]);
  expect(screen).not.toMatch(fullCpr);
  expect(printed).toContain(reference);
  expect(printed).toContain('010190-XXXX');
  expect(printed).not.toMatch(fullCpr);
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
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '0101901234');
      await yesNo(p, 'hasPostalAddress', false);
    },
    async (p) => {
      await expect(p.locator('main')).toContainText('You have language difficulties');
      await p.locator(fieldId('declaration')).check();
      await signTyped(p, 'signature', 'Karen Hansen');
    },
  ]);
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
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0101901234');
  await yesNo(page, 'hasPostalAddress', false);
  await next(page);
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
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0101901234');
  await yesNo(page, 'hasPostalAddress', false);
  await next(page);
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
  await expect(page.locator(fieldId('name'))).toHaveValue('');
});
