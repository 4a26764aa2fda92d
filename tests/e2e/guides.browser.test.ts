import { expect, test } from '@playwright/test';
import { chooseLanguage, expectNoRawKeys, openKiosk } from './support/kiosk.ts';

// The guides queue nothing: they answer from the rule data (src/domain) as the citizen ticks.

test('what should I bring answers from the documents, questions and witness the citizen ticks', async ({ page }) => {
  await openKiosk(page, '/service/what-to-bring');
  await chooseLanguage(page, 'en');
  const result = page.locator('#wtb-result');

  await page.locator('#wtb-scheme-nemid').check();
  await page.locator('#wtb-doc-passport').check();
  // A passport does not show the CPR number (seeds/002, 003: one document must).
  await expect(result).toHaveText('Your papers are not enough');

  await page.locator('#wtb-doc-health-card').check();
  await expect(result).toHaveText('Bring a witness'); // questions "I don't know"
  await page.locator('#wtb-questions-yes').check();
  await expect(result).toHaveText('You can get it today');

  await page.locator('#wtb-doc-passport').uncheck();
  await page.locator('#wtb-doc-tax-statement').check();
  // Two documents without photo ID: NemID is ordered and posted (seeds/000).
  await expect(result).toHaveText('It will be posted to you');
  await expect(page.locator('.kiosk-result')).toContainText('3-11 business days');

  await page.locator('#wtb-scheme-mitid').check();
  await expect(result).toHaveText('You can get it today');
  await chooseLanguage(page, 'da');
  await expect(result).toHaveText('Du kan få det i dag');
  await expect(page.locator('#wtb-doc-health-card')).toBeChecked(); // a language switch keeps the answers
  await expectNoRawKeys(page);
});

test('living abroad gives the fee for collection at a representation from the rule data', async ({ page }) => {
  await openKiosk(page, '/service/living-abroad');
  await expect(page.locator('main')).toContainText('260 kr. (2022)');
  await expect(page.locator('main')).toContainText('30. maj 2023');
  await chooseLanguage(page, 'en');
  await expect(page.locator('main')).toContainText('DKK 260 (2022)');
  // The day ordering for collection abroad ended, as a British date and not as "2023-…".
  await expect(page.locator('main')).toContainText('30 May 2023');
  await expect(page.locator('main')).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await expectNoRawKeys(page);
});

test('from NemID to MitID shows the shutdown dates in the citizen’s language', async ({ page }) => {
  await openKiosk(page, '/service/nemid-to-mitid');
  await expect(page.locator('main table')).toContainText('31. oktober 2023');
  await chooseLanguage(page, 'en');
  // British English, day before month: never the US "October 31, 2023".
  await expect(page.locator('main table')).toContainText('31 October 2023');
  await expect(page.locator('main table')).not.toContainText(/October \d+, 2023/);
  await expectNoRawKeys(page);
});
