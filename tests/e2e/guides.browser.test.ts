import { expect, test } from '@playwright/test';
import { chooseLanguage, expectNoRawKeys, openKiosk } from './support/kiosk.ts';

// The guides queue nothing: they answer from the rule data (src/domain) as the citizen ticks.

const seedTime = new Date('2022-06-15T10:00:00+02:00');

test('what should I bring (2022, NemID) answers from the documents, questions and witness the citizen ticks', async ({ page }) => {
  await page.clock.install({ time: seedTime });
  await openKiosk(page, '/service/what-to-bring');
  await chooseLanguage(page, 'en');
  const result = page.locator('#wtb-result');

  await page.locator('#wtb-scheme-nemid').check();
  // Nothing ticked yet: nothing is judged.
  await expect(result).toHaveText('Tick your documents');
  await page.locator('#wtb-doc-passport').check();
  // The seeds' list counts a passport as not showing the CPR number (seeds/002, 003: one document must).
  await expect(result).toHaveText('Your CPR number is missing');

  await page.locator('#wtb-doc-health-card').check();
  await expect(result).toHaveText('Bring a witness'); // questions "I don't know"
  await page.locator('#wtb-questions-yes').check();
  await expect(result).toHaveText('You can get it today');

  await page.locator('#wtb-doc-passport').uncheck();
  await page.locator('#wtb-doc-tax-statement').check();
  // Two documents without photo ID: NemID is ordered and posted (seeds/000).
  await expect(result).toHaveText('It will be posted to you');
  await expect(page.locator('.kiosk-result')).toContainText('3-11 business days');

  await chooseLanguage(page, 'da');
  await expect(result).toHaveText('Det bliver sendt med posten');
  await expect(page.locator('#wtb-doc-health-card')).toBeChecked(); // a language switch keeps the answers
  await expectNoRawKeys(page);
});

for (const language of ['da', 'en'] as const) {
  test(`what should I bring today (${language}): MitID's document list, nothing judged before a tick, a passport alone judged right`, async ({ page }) => {
    await openKiosk(page, '/service/what-to-bring');
    await chooseLanguage(page, language);
    const result = page.locator('#wtb-result');
    // NemID closed: only MitID, so no scheme question.
    await expect(page.locator('#wtb-scheme-nemid')).toHaveCount(0);
    await expect(result).toHaveText(language === 'da' ? 'Sæt kryds ved dine papirer' : 'Tick your documents');
    await expect(page.locator('.kiosk-result')).not.toContainText(language === 'da' ? 'ikke nok' : 'not enough');
    await page.locator('#wtb-doc-danish-passport-with-cpr').check();
    await page.locator('#wtb-questions-yes').check();
    await expect(result).toHaveText(language === 'da' ? 'Du kan få det i dag' : 'You can get it today');
    await page.locator('#wtb-doc-danish-passport-with-cpr').uncheck();
    await page.locator('#wtb-doc-danish-passport-without-cpr').check();
    await expect(result).toHaveText(language === 'da' ? 'Dit CPR-nummer mangler' : 'Your CPR number is missing');
    await page.locator('#wtb-doc-health-card').check();
    await expect(result).toHaveText(language === 'da' ? 'Du kan få det i dag' : 'You can get it today');
    await expectNoRawKeys(page);
  });
}

test('living abroad (2022) gives the fee for collection at a representation from the rule data', async ({ page }) => {
  await page.clock.install({ time: seedTime });
  await openKiosk(page, '/service/living-abroad');
  await expect(page.locator('main')).toContainText('260 kr. (2022)');
  await chooseLanguage(page, 'en');
  await expect(page.locator('main')).toContainText('DKK 260 (2022)');
  await expectNoRawKeys(page);
});

test('living abroad (2023, after ordering ended) says so once, as a British date, and offers no fee', async ({ page }) => {
  await page.clock.install({ time: new Date('2023-07-01T10:00:00+02:00') });
  await openKiosk(page, '/service/living-abroad');
  await expect(page.locator('main')).toContainText('30. maj 2023');
  await expect(page.locator('main')).not.toContainText('260');
  await chooseLanguage(page, 'en');
  await expect(page.locator('main')).toContainText('30 May 2023');
  await expect(page.locator('main')).not.toContainText(/\d{4}-\d{2}-\d{2}/);
});

for (const language of ['da', 'en'] as const) {
  test(`living abroad today (${language}): NemID closed in one sentence, no pickup abroad, MitID instead`, async ({ page }) => {
    await openKiosk(page, '/service/living-abroad');
    await chooseLanguage(page, language);
    await expect(page.getByTestId('nemid-closed')).toContainText(language === 'da' ? '31. oktober 2023' : '31 October 2023');
    await expect(page.locator('main')).not.toContainText('260');
    await expect(page.locator('main')).not.toContainText(language === 'da' ? 'nøglekort' : 'key card');
    await expect(page.locator('main')).toContainText('MitID');
    await expectNoRawKeys(page);
  });
}

test('from NemID to MitID shows the shutdown dates in the citizen’s language, and MitID support with its hours', async ({ page }) => {
  await openKiosk(page, '/service/nemid-to-mitid');
  await expect(page.locator('main table')).toContainText('31. oktober 2023');
  await expect(page.locator('main h2').nth(2)).toHaveText('Sådan lukkede NemID');
  await expect(page.locator('main')).toContainText('33 98 00 12');
  await expect(page.locator('main')).toContainText('Mandag til fredag: 08:00–20:00');
  await chooseLanguage(page, 'en');
  // British English, day before month: never the US "October 31, 2023".
  await expect(page.locator('main table')).toContainText('31 October 2023');
  await expect(page.locator('main table')).not.toContainText(/October \d+, 2023/);
  await expectNoRawKeys(page);
});
