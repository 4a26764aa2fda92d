import { expect, test } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { choose, completeFormOffline, fieldId, fillAddress, fillDate, fillText, signTyped, yesNo, type Language, type StepFiller } from './support/forms.ts';
import { chooseLanguage } from './support/kiosk.ts';
import { expectNoAxeViolations } from './support/forms.ts';

/** For each form: how to fill it in, and what the printed copy must show besides the reference and the full CPR. */
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
    ],
    printed: ['Karen Hansen', '8000 Aarhus C', 'Person 1: Ole Hansen, 020260-2345'],
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
        await choose(p, 'amountChoice', 'days', 'all');
        await fillText(p, 'days', '5');
        await fillDate(p, 'periodFrom', '2026-07-01');
        await fillDate(p, 'periodTo', '2026-07-07');
      },
      async (p) => {
        await fillText(p, 'regNo', '1234');
        await fillText(p, 'accountNo', '1234567890');
        await p.locator(fieldId('declaration')).check();
      },
    ],
    printed: ['Karen Hansen', '1234567890'],
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
    printed: ['Ole Hansen', '020260-2345', '2027'],
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
    printed: ['Ole Hansen', '020260-2345'],
  },
];

for (const { service, steps, printed: expected } of forms) {
  for (const language of ['da', 'en'] as Language[]) {
    test(`${service} in ${language}: fill in, send offline, receipt and printed copy`, async ({ page, context }) => {
      await enrolKiosk(page);
      const { reference, printed, screen } = await completeFormOffline(page, context, service, language, steps);
      expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(screen).not.toMatch(/0101901234|010190-1234|0202602345|020260-2345/);
      expect(printed).toContain(reference);
      expect(printed).toContain('010190-1234');
      for (const text of expected) expect(printed).toContain(text);
    });
  }
}

for (const service of ['su-by-post', 'health-records']) {
  test(`the information page ${service} reads in both languages without a form`, async ({ page }) => {
    await page.goto(`/service/${service}`);
    for (const language of ['da', 'en'] as Language[]) {
      await chooseLanguage(page, language);
      await expect(page.locator('main h1')).toBeVisible();
      await expect(page.locator('main form')).toHaveCount(0);
      await expect(page.locator('main')).not.toContainText('⟦');
      await expectNoAxeViolations(page, `${service} ${language}`);
    }
  });
}
