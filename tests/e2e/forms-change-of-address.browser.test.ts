import { expect, test, type Page } from '@playwright/test';
import { addDays, calendarDate } from '#domain/dates.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { moveReporting } from '#domain/rules/moving.ts';
import { enrolKiosk } from './support/enrol.ts';
import { choose, expectNoAxeViolations, fieldId, fillAddress, fillDate, fillText, next, printedText, screenshotBothSizes, screenText, signTyped, yesNo } from './support/forms.ts';
import { chooseLanguage, setLargePrint } from './support/kiosk.ts';
import { readOutbox } from './support/outbox-page.ts';

const CPR = '0101901234';
const CHILD_CPR = '1505152345';
const today = calendarDate(new Date());
const { earliestDaysBefore, latestDaysAfter } = ruleOn(moveReporting, new Date());

/**
 * Danish: a late report (the receipt mentions the fine) to a Copenhagen postcode (the 5 km question).
 * English: a report a week ahead to Aarhus (the 15 km question).
 */
const runs = {
  da: {
    // Danish quotation marks („…“); the old message used English ones.
    words: { you: 'Om dig', check: 'Tjek dine svar', problem: 'Der er problemer', nameError: 'Udfyld „Dit fulde navn“', receipt: 'Din anmodning er gemt på kiosken', send: 'Send anmodningen' },
    movingDate: addDays(today, -(latestDaysAfter + 5)),
    address: { street: 'Jagtvej', number: '12', floor: '2', door: 'th', postcode: '2200' },
    town: 'København N',
    farField: 'doctorFarCapital',
    doctorText: ['For dit nye postnummer 2200 er grænsen 5 km'],
    printed: ['Jagtvej 12, 2 th', '2200 København N', 'Ligger din nye bolig mere end 5 km fra din læge?', 'Underskrevet med navn: Karen Marie Hansen'],
    receiptText: 'kan give dig en bøde',
  },
  en: {
    words: { you: 'About you', check: 'Check your answers', problem: 'There is a problem', nameError: 'Fill in “Your full name”', receipt: 'Your request is saved on this kiosk', send: 'Send the request' },
    movingDate: addDays(today, 7),
    address: { street: 'Østergade', number: '12', floor: '2', door: 'th', postcode: '8000' },
    town: 'Aarhus C',
    farField: 'doctorFar',
    doctorText: ['For your new postcode 8000 the limit is 15 km'],
    printed: ['Østergade 12, 2 th', '8000 Aarhus C', 'Is your new home more than 15 km from your doctor?', 'Signed with typed name: Karen Marie Hansen'],
    receiptText: 'registers the move from the moving date',
  },
} as const;

for (const language of ['da', 'en'] as const) {
  test(`change of address in ${language}: fill in, send offline, receipt and printed copy`, async ({ page, context }) => {
    const run = runs[language];
    const words = run.words;
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

    // The reporting limits come from the rule data.
    await expect(page.locator('main')).toContainText(String(earliestDaysBefore));
    await fillDate(page, 'movingDate', run.movingDate);
    await fillAddress(page, 'newAddress', run.address);
    await expect(page.locator(fieldId('newAddress.town'))).toHaveValue(run.town);
    await yesNo(page, 'hasCareOf', true);
    await fillText(page, 'careOf', 'Ole Jensen');
    // The optional parts say so with a space: "Etage (valgfrit)", not "Etage(valgfrit)".
    await expect(page.locator(`label[for="${fieldId('newAddress.floor').slice(1)}"]`)).toHaveText(language === 'da' ? 'Etage (valgfrit)' : 'Floor (optional)');
    await expect(page.locator('main')).toContainText(language === 'da' ? 'hele husstanden på én gang' : 'your whole household at once');
    await expectNoAxeViolations(page, 'step 2');
    await screenshotBothSizes(page, `change-of-address-move-${language}`);
    await next(page);

    await yesNo(page, 'othersMoving', true);
    await fillText(page, 'movers.0.moverName', 'Ida Hansen');
    await fillText(page, 'movers.0.moverCpr', CHILD_CPR);
    await expectNoAxeViolations(page, 'step 3');
    await screenshotBothSizes(page, `change-of-address-household-${language}`);
    await next(page);

    // Only the distance question of the new postcode; the choice only after "yes".
    for (const text of run.doctorText) await expect(page.locator('main')).toContainText(text);
    await expect(page.locator(fieldId(run.farField === 'doctorFar' ? 'doctorFarCapital' : 'doctorFar'))).toHaveCount(0);
    await expect(page.locator(fieldId('doctorChoice'))).toHaveCount(0);
    await yesNo(page, run.farField, true);
    await choose(page, 'doctorChoice', 'nearest', 'nearest');
    await expectNoAxeViolations(page, 'step 4');
    await page.screenshot({ path: `test-results/screenshots/change-of-address-doctor-${language}.png`, fullPage: true });
    await setLargePrint(page, true);
    await expectNoAxeViolations(page, 'step 4, large print');
    await page.screenshot({ path: `test-results/screenshots/change-of-address-doctor-${language}-large.png`, fullPage: true });
    await setLargePrint(page, false);
    await next(page);

    await page.locator(fieldId('declaration')).check();
    await signTyped(page, 'signature', 'Karen Marie Hansen');
    await expectNoAxeViolations(page, 'step 5');
    await next(page);

    await expect(page.locator('main h1')).toHaveText(words.check);
    await expect(page.locator('main')).toContainText('010190-XXXX');
    await expect(page.locator('main')).toContainText(`${run.address.street} 12, 2 th`);
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
    await expect(page.locator('main')).toContainText(run.receiptText);
    await expectNoAxeViolations(page, 'receipt');
    expect(await screenText(page)).not.toMatch(/0101901234|010190-1234|1505152345|150515-2345/);

    const queued = await readOutbox(page);
    expect(queued.map((i) => [i.reference, i.status, i.hasEnvelope])).toEqual([[reference, 'queued', true]]);

    const printed = await printedText(page);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => {
      dispatchEvent(new Event('beforeprint'));
      document.documentElement.classList.add('print-a4');
    });
    await page.screenshot({ path: `test-results/screenshots/change-of-address-print-${language}.png`, fullPage: true });
    await page.evaluate(() => {
      document.documentElement.classList.remove('print-a4');
      dispatchEvent(new Event('afterprint'));
    });
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toContain(reference);
    expect(printed).toContain('Karen Marie Hansen');
    // A kiosk printer is shared: every CPR number on paper is masked.
    expect(printed).toContain('010190-XXXX');
    expect(printed).toContain('150515-XXXX');
    expect(printed).not.toMatch(/0101901234|010190-1234|1505152345|150515-2345/);
    expect(printed).toContain('Ole Jensen');
    for (const text of run.printed) expect(printed).toContain(text);
    await context.setOffline(false);
  });
}

async function expectSummaryLink(page: Page, message: RegExp | string, field: string): Promise<void> {
  const summary = page.locator('.alert.alert-error[role="alert"]');
  const link = summary.getByRole('link', { name: message });
  await expect(link).toBeVisible();
  await expect(page.locator(`${fieldId(field)}-error`)).toContainText(message);
  await expectNoAxeViolations(page, `error on ${field}`);
  await link.click();
  await expect(page.locator(fieldId(field))).toBeFocused();
}

test('a moving date further ahead than the rule allows, and the citizen among the movers, are shown in the error summary', async ({ page }) => {
  await page.goto('/service/change-of-address');
  await chooseLanguage(page, 'en');
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', CPR);
  await next(page);

  await fillDate(page, 'movingDate', addDays(today, earliestDaysBefore + 3));
  await fillAddress(page, 'newAddress', { street: 'Østergade', number: '12', postcode: '8000' });
  await yesNo(page, 'hasCareOf', false);
  await page.locator('form button[type="submit"]').click();
  await expectSummaryLink(page, new RegExp(`You can report the move at the earliest ${earliestDaysBefore} days before the moving date`), 'movingDate');
  await page.screenshot({ path: 'test-results/screenshots/change-of-address-moving-date-error-en.png', fullPage: true });
  await fillDate(page, 'movingDate', addDays(today, earliestDaysBefore));
  await next(page);

  await yesNo(page, 'othersMoving', true);
  await fillText(page, 'movers.0.moverName', 'Karen Hansen');
  await fillText(page, 'movers.0.moverCpr', '010190-1234');
  await page.locator('form button[type="submit"]').click();
  await expectSummaryLink(page, 'This is your own CPR number. Enter the CPR number of the person who moves with you (Person 1)', 'movers.0.moverCpr');
});

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
