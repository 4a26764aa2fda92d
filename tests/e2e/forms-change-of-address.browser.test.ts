import { expect, test } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { choose, expectNoAxeViolations, fieldId, fillAddress, fillDate, fillText, next, printedText, screenText, yesNo } from './support/forms.ts';
import { chooseLanguage } from './support/kiosk.ts';
import { readOutbox } from './support/outbox-page.ts';

const CPR = '0101901234';
const CHILD_CPR = '1505152345';
const text = {
  da: { you: 'Om dig', check: 'Tjek dine svar', problem: 'Der er problemer', nameError: 'Udfyld “Dit fulde navn”', receipt: 'Vi har modtaget din anmodning', send: 'Send anmodningen' },
  en: { you: 'About you', check: 'Check your answers', problem: 'There is a problem', nameError: 'Fill in “Your full name”', receipt: 'Your request has been received', send: 'Send the request' },
} as const;

for (const language of ['da', 'en'] as const) {
  test(`change of address in ${language}: fill in, send offline, receipt and printed copy`, async ({ page, context }) => {
    const words = text[language];
    await enrolKiosk(page);
    await page.goto('/service/change-of-address');
    await chooseLanguage(page, language);
    await expect(page.locator('main h1')).toHaveText(words.you);
    await expect(page.locator('ol.step-indicator li[aria-current="step"]')).toContainText(words.you);
    await expect(page.locator('ol.step-indicator li').last()).toContainText(words.check);

    // Next without answers: the error summary above the h1, each link moving focus to its field.
    await page.locator('form button[type="submit"]').click();
    const summary = page.locator('.alert.alert-error[role="alert"]');
    await expect(summary).toContainText(words.problem);
    await expect(summary.getByRole('link', { name: words.nameError })).toBeVisible();
    await expect(page.locator(`${fieldId('name')}-error`)).toContainText(words.nameError);
    await expect(page.locator(fieldId('name'))).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, 'errors');
    await summary.getByRole('link', { name: words.nameError }).click();
    await expect(page.locator(fieldId('name'))).toBeFocused();
    expect(await readOutbox(page)).toEqual([]);

    await fillText(page, 'name', 'Karen Hansen');
    await fillText(page, 'cpr', '010190-1234');
    await fillText(page, 'phone', '12 34 56 78');
    await page.locator(fieldId('phone')).focus();
    // Once the field loses focus the CPR number is masked, in the input too.
    await expect(page.locator(fieldId('cpr'))).toHaveValue('010190-XXXX');
    await expectNoAxeViolations(page, 'step 1');
    await next(page);

    await fillDate(page, 'movingDate', '2026-12-01');
    await fillAddress(page, 'newAddress', { street: 'Østergade', number: '12', floor: '2', door: 'th', postcode: '8000' });
    await expect(page.locator(fieldId('newAddress.town'))).toHaveValue('Aarhus C');
    await yesNo(page, 'hasCareOf', true);
    await fillText(page, 'careOf', 'Ole Jensen');
    await expectNoAxeViolations(page, 'step 2');
    await next(page);

    await yesNo(page, 'othersMoving', true);
    await fillText(page, 'movers.0.moverName', 'Ida Hansen');
    await fillText(page, 'movers.0.moverCpr', CHILD_CPR);
    await expectNoAxeViolations(page, 'step 3');
    await next(page);

    await yesNo(page, 'newDoctor', true);
    await choose(page, 'doctorChoice', 'nearest', 'nearest');
    await expectNoAxeViolations(page, 'step 4');
    await next(page);

    await expect(page.locator('main h1')).toHaveText(words.check);
    await expect(page.locator('main')).toContainText('010190-XXXX');
    await expect(page.locator('main')).toContainText('Østergade 12, 2 th');
    await expectNoAxeViolations(page, 'check answers');
    expect(await screenText(page)).not.toMatch(/0101901234|010190-1234|1505152345|150515-2345/);

    // "Change" opens the step at the field; Next then returns straight to the check page.
    await page.locator('.answers-row').filter({ hasText: 'Karen Hansen' }).getByRole('button').click();
    await expect(page.locator(fieldId('name'))).toBeFocused();
    await fillText(page, 'name', 'Karen Marie Hansen');
    await next(page);
    await expect(page.locator('main h1')).toHaveText(words.check);
    await expect(page.locator('main')).toContainText('Karen Marie Hansen');

    await context.setOffline(true);
    await page.getByRole('button', { name: words.send }).click();
    await expect(page.locator('main h1')).toHaveText(words.receipt);
    const reference = (await page.locator('.receipt-reference').innerText()).trim();
    expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(page.locator('.receipt-qr svg')).toBeVisible();
    await expectNoAxeViolations(page, 'receipt');
    expect(await screenText(page)).not.toMatch(/0101901234|010190-1234|1505152345|150515-2345/);

    const queued = await readOutbox(page);
    expect(queued.map((i) => [i.reference, i.status, i.hasEnvelope])).toEqual([[reference, 'queued', true]]);

    const printed = await printedText(page);
    expect(printed).toContain(reference);
    expect(printed).toContain('Karen Marie Hansen');
    expect(printed).toContain('010190-1234');
    expect(printed).toContain('150515-2345');
    expect(printed).toContain('8000 Aarhus C');
    expect(printed).toContain('Ole Jensen');
    await context.setOffline(false);
  });
}

test('a language switch keeps the answers, and a hidden field is neither required nor sent', async ({ page }) => {
  await page.goto('/service/change-of-address');
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', CPR);
  await chooseLanguage(page, 'en');
  await expect(page.locator(fieldId('name'))).toHaveValue('Karen Hansen');
  await expect(page.locator(fieldId('cpr'))).toHaveValue('010190-XXXX');
  await next(page);
  await yesNo(page, 'hasCareOf', true);
  await expect(page.locator(fieldId('careOf'))).toBeVisible();
  await yesNo(page, 'hasCareOf', false);
  await expect(page.locator(fieldId('careOf'))).toHaveCount(0);
  await page.locator('form button[type="submit"]').click();
  const links = page.locator('.alert.alert-error a');
  await expect(links.first()).toBeVisible();
  expect(await links.allInnerTexts()).not.toContain('Fill in “Name on the letterbox (c/o)”');
  await expect(page.locator('.alert.alert-error')).toContainText('Enter the postcode, for example 8000');
});
