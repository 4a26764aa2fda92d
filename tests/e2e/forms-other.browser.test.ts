import { expect, test } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { choose, completeFormOffline, fieldId, fillAddress, fillDate, fillText, signTyped, yesNo, type Language, type StepFiller } from './support/forms.ts';
import { chooseLanguage } from './support/kiosk.ts';
import { expectNoAxeViolations, next } from './support/forms.ts';
import type { Page } from '@playwright/test';

/** A picture of the A4 copy as printed, to read as the caseworker would (test-results/screenshots). */
async function screenshotPrint(page: Page, name: string): Promise<void> {
  // The copy exists only while printing: built on beforeprint, removed on afterprint.
  await page.evaluate(() => {
    dispatchEvent(new Event('beforeprint'));
    document.documentElement.classList.add('print-a4');
  });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => {
    document.documentElement.classList.remove('print-a4');
    dispatchEvent(new Event('afterprint'));
  });
}

/** The error summary names the problem, the field says it too, and the link moves focus to the field. */
async function expectSummaryLink(page: Page, message: string, field: string): Promise<void> {
  await page.locator('form button[type="submit"]').click();
  const link = page.locator('.alert.alert-error[role="alert"]').getByRole('link', { name: message });
  await expect(link).toBeVisible();
  await expect(page.locator(`${fieldId(field)}-error`)).toContainText(message);
  await expectNoAxeViolations(page, `error on ${field}`);
  await link.click();
  await expect(page.locator(fieldId(field))).toBeFocused();
}

/** For each form: how to fill it in, and what the printed copy must show besides the reference and the masked CPR number. */
const forms: { service: string; steps: StepFiller[]; printed: string[] }[] = [
  {
    service: 'housing-benefit',
    steps: [
      async (p) => {
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'cpr', '0101901234');
        await fillText(p, 'email', 'karen@example.com');
      },
      async (p) => {
        await fillAddress(p, 'address', { street: 'Østergade', number: '12', postcode: '8000', town: 'Aarhus C' });
        await choose(p, 'housingType', 'rented', 'rented');
        await fillDate(p, 'movedInDate', '2024-03-01');
        await fillText(p, 'rent', '6 500');
        await fillText(p, 'area', '65');
      },
      async (p) => {
        await yesNo(p, 'othersInHome', true);
        await fillText(p, 'members.0.memberName', 'Ole Hansen');
        await fillText(p, 'members.0.memberCpr', '0202602345');
        await fillText(p, 'members.0.memberIncome', '120000');
        // A second row, then removed again: rows can be added and removed.
        await p.locator(fieldId('members')).click();
        await expect(p.locator(fieldId('members.1.memberName'))).toBeFocused();
        await p.locator('.form-group-row').nth(1).getByRole('button').click();
        await expect(p.locator(fieldId('members.1.memberName'))).toHaveCount(0);
      },
      async (p) => {
        await fillText(p, 'income', '250000');
        await yesNo(p, 'assets', false);
      },
      async (p) => {
        await p.locator(fieldId('declaration')).check();
        await signTyped(p, 'signature', 'Karen Hansen');
      },
    ],
    printed: ['Karen Hansen', '8000 Aarhus C', 'Person 1: Ole Hansen, 020260-XXXX', ' kr.', '65 m²', 'Karen Hansen'],
  },
  {
    service: 'holiday-pay',
    steps: [
      async (p) => {
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'cpr', '0101901234');
      },
      async (p) => {
        await choose(p, 'reason', 'holiday', 'holiday');
        await fillDate(p, 'periodFrom', '2026-07-01');
        await fillDate(p, 'periodTo', '2026-07-07');
        await choose(p, 'amountChoice', 'days', 'all');
        await fillText(p, 'days', '5');
      },
      async (p) => {
        await fillText(p, 'regNo', '1234');
        await fillText(p, 'accountNo', '1234567890');
        await p.locator(fieldId('declaration')).check();
        await signTyped(p, 'signature', 'Karen Hansen');
      },
    ],
    printed: ['Karen Hansen', '1234567890', '2026', 'Karen Hansen'],
  },
  {
    service: 'digital-post-read-access',
    steps: [
      async (p) => {
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'cpr', '0101901234');
      },
      async (p) => {
        await fillText(p, 'readerName', 'Ole Hansen');
        await fillText(p, 'readerCpr', '0202602345');
        await choose(p, 'relation', 'family', 'family');
        await yesNo(p, 'hasEndDate', true);
        await fillDate(p, 'endDate', '2027-12-31');
      },
      async (p) => {
        await p.locator(fieldId('declaration')).check();
        await signTyped(p, 'signature', 'Karen Hansen');
      },
    ],
    printed: ['Ole Hansen', '020260-XXXX', '2027'],
  },
  {
    service: 'power-of-attorney',
    steps: [
      async (p) => {
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'cpr', '0101901234');
      },
      async (p) => {
        await fillText(p, 'attorneyName', 'Ole Hansen');
        await fillText(p, 'attorneyCpr', '0202602345');
        await choose(p, 'relation', 'child', 'spouse');
      },
      async (p) => {
        await choose(p, 'scope', 'selected', 'all');
        await p.locator(fieldId('areas')).check();
        await p.locator(`${fieldId('areas')}-health`).check();
        await yesNo(p, 'hasEndDate', false);
      },
      async (p) => {
        await p.locator(fieldId('declaration')).check();
        await signTyped(p, 'signature', 'Karen Hansen');
      },
    ],
    printed: ['Ole Hansen', '020260-XXXX'],
  },
];

for (const { service, steps, printed: expected } of forms) {
  for (const language of ['da', 'en'] as Language[]) {
    test(`${service} in ${language}: fill in, send offline, receipt and printed copy`, async ({ page, context }) => {
      await enrolKiosk(page);
      const { reference, printed, screen } = await completeFormOffline(page, context, service, language, steps);
      await screenshotPrint(page, `${service}-print-${language}`);
      expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(screen).not.toMatch(/0101901234|010190-1234|0202602345|020260-2345/);
      expect(printed).toContain(reference);
      // A kiosk printer is shared: every CPR number on paper is masked.
      expect(printed).toContain('010190-XXXX');
      expect(printed).not.toMatch(/0101901234|010190-1234|0202602345|020260-2345/);
      for (const text of expected) expect(printed).toContain(text);
      if (service === 'housing-benefit') expect(screen).toContain(language === 'da' ? 'fra den 1. i måneden efter' : 'from the first day of the month after');
    });
  }
}

const infoPageTexts: Record<string, Record<Language, string[]>> = {
  // The agency's address from a stored public page, with the date of its source.
  'su-by-post': {
    da: ['Uddannelses- og Forskningsstyrelsen', 'Haraldsgade 53', '2100 København Ø', 'Adressen som en offentlig kilde angav den 8. januar 2021'],
    en: ['Haraldsgade 53', '2100 København Ø', 'Address as given in a public source of 8 January 2021'],
  },
  // No one address for every hospital department: the page says so.
  'health-records': {
    da: ['senest inden for 7 arbejdsdage', 'Kiosken har ingen adresse til dette'],
    en: ['within 7 working days at the latest', 'The kiosk has no address for this'],
  },
};

for (const service of ['su-by-post', 'health-records']) {
  test(`the information page ${service} reads in both languages without a form`, async ({ page }) => {
    await page.goto(`/service/${service}`);
    for (const language of ['da', 'en'] as Language[]) {
      await chooseLanguage(page, language);
      await expect(page.locator('main h1')).toBeVisible();
      await expect(page.locator('main form')).toHaveCount(0);
      await expect(page.locator('main')).not.toContainText('⟦');
      for (const text of infoPageTexts[service]![language]) await expect(page.locator('main')).toContainText(text);
      await expectNoAxeViolations(page, `${service} ${language}`);
      await page.screenshot({ path: `test-results/screenshots/${service}-${language}.png`, fullPage: true });
    }
  });
}

test('holiday pay in Danish: a period that ends before it starts, and more days than the period has, are shown in the error summary', async ({ page }) => {
  await page.goto('/service/holiday-pay');
  await chooseLanguage(page, 'da');
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0101901234');
  await next(page);
  await choose(page, 'reason', 'holiday', 'holiday');
  await fillDate(page, 'periodFrom', '2026-07-07');
  await fillDate(page, 'periodTo', '2026-07-01');
  await choose(page, 'amountChoice', 'days', 'all');
  await fillText(page, 'days', '5');
  await expectSummaryLink(page, 'Perioden skal slutte på sin første dag eller senere. Den begynder tirsdag den 7. juli 2026', 'periodTo');
  await fillDate(page, 'periodTo', '2026-07-09');
  await expectSummaryLink(page, 'Perioden har kun 3 dage. Skriv højst 3 dage, eller tjek datoerne', 'days');
  await fillText(page, 'days', '3');
  await next(page);
  await expect(page.locator(fieldId('regNo'))).toBeVisible();
});

test('housing benefit in English: the applicant or one person twice in the household, and a moving-in date before birth, are shown in the error summary', async ({ page }) => {
  await page.goto('/service/housing-benefit');
  await chooseLanguage(page, 'en');
  await fillText(page, 'name', 'Karen Hansen');
  await fillText(page, 'cpr', '0101901234');
  await next(page);
  await fillAddress(page, 'address', { street: 'Østergade', number: '12', postcode: '8000', town: 'Aarhus C' });
  await choose(page, 'housingType', 'rented', 'rented');
  await fillDate(page, 'movedInDate', '1985-03-01');
  await fillText(page, 'rent', '6500');
  await fillText(page, 'area', '65');
  await expectSummaryLink(page, 'The date you moved in is before your date of birth. Check the date', 'movedInDate');
  await fillDate(page, 'movedInDate', '2024-03-01');
  await next(page);
  await yesNo(page, 'othersInHome', true);
  await fillText(page, 'members.0.memberName', 'Karen Hansen');
  await fillText(page, 'members.0.memberCpr', '010190-1234');
  await fillText(page, 'members.0.memberIncome', '0');
  await expectSummaryLink(page, 'This is your own CPR number. You are the applicant: list only the people who live with you (Person 1)', 'members.0.memberCpr');
  await fillText(page, 'members.0.memberName', 'Ole Hansen');
  await fillText(page, 'members.0.memberCpr', '0202602345');
  await page.locator(fieldId('members')).click();
  await fillText(page, 'members.1.memberName', 'Ole Hansen');
  await fillText(page, 'members.1.memberCpr', '0202602345');
  await fillText(page, 'members.1.memberIncome', '0');
  await expectSummaryLink(page, 'This person is already on the list. Remove the row, or enter another CPR number (Person 2)', 'members.1.memberCpr');
});

test('power of attorney and read access: the citizen\'s own CPR number for the other person is shown in the error summary, in both languages', async ({ page }) => {
  const cases = [
    { service: 'power-of-attorney', language: 'da', name: 'attorneyName', field: 'attorneyCpr', message: 'Det er dit eget CPR-nummer. Skriv CPR-nummeret på den person, der skal handle for dig' },
    { service: 'digital-post-read-access', language: 'en', name: 'readerName', field: 'readerCpr', message: 'This is your own CPR number. Enter the CPR number of the person who is to read your post' },
  ] as const;
  for (const c of cases) {
    await page.goto(`/service/${c.service}`);
    await chooseLanguage(page, c.language);
    await fillText(page, 'name', 'Karen Hansen');
    await fillText(page, 'cpr', '0101901234');
    await next(page);
    await fillText(page, c.name, 'Karen Hansen');
    await fillText(page, c.field, '010190-1234');
    await expectSummaryLink(page, c.message, c.field);
  }
});
