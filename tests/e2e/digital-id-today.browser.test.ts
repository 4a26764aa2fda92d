import { expect, test } from '@playwright/test';
import { enrolKiosk } from './support/enrol.ts';
import { choose, fieldId, fillText, type Language } from './support/forms.ts';
import { chooseLanguage, expectNoRawKeys, openKiosk, setLargePrint, viewports } from './support/kiosk.ts';

/**
 * On today's clock NemID has closed (src/domain/rules/nemid-status.ts): no screen offers it as
 * orderable, and each NemID path says so in one sentence and leads to its MitID counterpart. The
 * default configuration still turns NemID on; the rule data, not the configuration, closes it.
 * The same paths on a 2022 clock are the seeds' NemID flows (forms-digital-id, digital-id-*).
 */

const words = {
  da: { closed: 'NemID lukkede den 31. oktober 2023', chip: '143,60 kr.', reader: 'kodeoplæser', display: 'kodeviser', closes: 'hvornår NemID lukker' },
  en: { closed: 'NemID closed on 31 October 2023', chip: 'DKK 143.60', reader: 'audio code reader', display: 'code display', closes: 'when NemID closes' },
} as const;

for (const language of ['da', 'en'] as Language[]) {
  const w = words[language];

  test(`start screen in ${language}: no NemID tile reads as orderable, and nothing says NemID is still to close`, async ({ page }) => {
    await openKiosk(page);
    await chooseLanguage(page, language);
    const main = page.locator('main');
    await expect(main).not.toContainText(w.closes);
    await expect(page.locator('a[href="/service/get-digital-id"]')).not.toContainText('NemID');
    await expect(page.locator('a[href="/service/lost-key-card"]')).toContainText(language === 'da' ? 'kodeviser' : 'code display');
    await expect(page.locator('#group-digital-id')).toHaveText('MitID');
    await expectNoRawKeys(page);
  });

  test(`lost key card in ${language}: NemID has closed, and it leads to a new MitID authenticator and activation code`, async ({ page }) => {
    await openKiosk(page, '/service/lost-key-card');
    await chooseLanguage(page, language);
    await expect(page.getByTestId('nemid-closed')).toContainText(w.closed);
    // One sentence: no full stop followed by a new sentence ("31. oktober" is a date, not an end).
    expect(await page.getByTestId('nemid-closed').innerText()).not.toMatch(/[.!?]\s+[A-ZÆØÅ]/);
    await expect(page.locator('main form')).toHaveCount(0);
    await expect(page.locator('main')).toContainText(language === 'da' ? 'aktiveringskode' : 'activation code');
    await expect(page.locator('main')).toContainText(w.reader);
    await expect(page.locator('main')).toContainText(w.chip);
    // MitID support with its hours, where support is named.
    await expect(page.locator('main')).toContainText('33 98 00 12');
    await expect(page.locator('main')).toContainText('08:00–20:00');
    await page.locator('main a[href="/service/book-time"]').click();
    await expect(page).toHaveURL('/service/book-time');
    // Book a time offers the MitID authenticator, not the NemID key cards.
    await expect(page.locator(`${fieldId('topic')}-mitid-authenticator`)).toHaveCount(1);
    await expect(page.locator(`${fieldId('topic')}-lost-key-card`)).toHaveCount(0);
    await expect(page.locator(`${fieldId('topic')}-extra-key-cards`)).toHaveCount(0);
    await expectNoRawKeys(page);
  });

  test(`extra key cards in ${language}: large print and voice response lead to the code display and audio code reader`, async ({ page }) => {
    await openKiosk(page, '/service/extra-key-cards');
    await chooseLanguage(page, language);
    await expect(page.getByTestId('nemid-closed')).toContainText(w.closed);
    await expect(page.locator('main form')).toHaveCount(0);
    await expect(page.locator('main')).toContainText(w.display);
    await expect(page.locator('main')).toContainText(w.reader);
    await expect(page.locator('main')).toContainText(w.chip);
    await page.locator('main a[href="/service/get-digital-id"]').click();
    await expect(page).toHaveURL('/service/get-digital-id');
    await expect(page.locator(`${fieldId('scheme')}-nemid`)).toHaveCount(0);
    await expectNoRawKeys(page);
  });

  test(`block and complain in ${language}: MitID only`, async ({ page }) => {
    await enrolKiosk(page);
    await page.goto('/service/block-digital-id');
    await chooseLanguage(page, language);
    await expect(page.locator('main input[type="radio"]')).toHaveCount(1);
    await expect(page.locator(fieldId('scheme'))).toHaveValue('mitid');
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('main')).toContainText('33 98 00 12');
    await expect(page.locator('main')).toContainText(language === 'da' ? 'kl. 08.00-20.00' : '08.00-20.00');
    await page.goto('/service/complaint');
    await expect(page.locator(`${fieldId('scheme')}-nemid`)).toHaveCount(0);
    await expect(page.locator(fieldId('scheme'))).toHaveValue('mitid');
  });
}

test('on a 2022 clock the same tiles are the seeds’ NemID services', async ({ page }) => {
  await page.clock.install({ time: new Date('2022-06-15T10:00:00+02:00') });
  await openKiosk(page);
  await expect(page.locator('a[href="/service/lost-key-card"]')).toContainText('Mistet nøglekort eller glemt adgangskode');
  await page.goto('/service/lost-key-card');
  await expect(page.getByTestId('nemid-closed')).toHaveCount(0);
  await expect(page.locator('main form')).toHaveCount(1);
  await page.goto('/service/get-digital-id');
  await expect(page.locator(`${fieldId('scheme')}-nemid`)).toHaveCount(1);
});

// Every changed screen in both languages and print sizes (looked at by a person).
const screens = ['/', '/service/lost-key-card', '/service/extra-key-cards', '/service/what-to-bring', '/service/living-abroad', '/service/nemid-to-mitid'];
for (const path of screens) {
  for (const language of ['da', 'en'] as Language[]) {
    for (const large of [false, true]) {
      const name = `today-${path === '/' ? 'start' : path.split('/').at(-1)}-${language}-${large ? 'large' : 'normal'}`;
      test(`screenshot ${name}`, async ({ page }) => {
        await page.setViewportSize(viewports.portrait);
        await openKiosk(page, path);
        await chooseLanguage(page, language);
        await setLargePrint(page, large);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `test-results/screenshots/digital-id-today/${name}.png`, fullPage: true });
      });
    }
  }
}

// "Get a digital ID" today, step by step: MitID's own questions, in both languages and print sizes.
// Where a step has a `fix`, its first answers are refused (the refusal rule, the document list,
// a witness without details, no user ID) and the screenshot shows the message.
for (const language of ['da', 'en'] as Language[]) {
  test(`screenshots of get-digital-id (MitID) today in ${language}`, async ({ page }) => {
    const steps: { fill: () => Promise<unknown>; fix?: () => Promise<unknown> }[] = [
      {
        fill: async () => {
          await choose(page, 'scheme', 'mitid', 'mitid');
          await fillText(page, 'name', 'Karen Hansen');
          await fillText(page, 'cpr', '0101901234');
          await choose(page, 'canUseAlone', 'no', 'yes');
        },
        fix: () => choose(page, 'canUseAlone', 'yes', 'yes'),
      },
      { fill: () => choose(page, 'hasFixedAddress', 'yes', 'yes') },
      {
        fill: () => page.locator(`${fieldId('mitIdDocuments')}-danish-passport-without-cpr`).check(),
        fix: () => page.locator(`${fieldId('mitIdDocuments')}-health-card`).check(),
      },
      {
        fill: () => choose(page, 'confirmBy', 'witness', 'questions'),
        fix: async () => {
          await fillText(page, 'witnessName', 'Ole Hansen');
          await fillText(page, 'witnessCpr', '0202602345');
          await page.locator(fieldId('witnessPhotoId')).check();
          await page.locator(fieldId('witnessDeclaration')).check();
        },
      },
      {
        fill: () => page.locator(`${fieldId('authenticators')}-audio-code-reader`).check(),
        fix: () => page.locator(fieldId('userIdReady')).check(),
      },
    ];
    await page.setViewportSize(viewports.portrait);
    await openKiosk(page, '/service/get-digital-id');
    await chooseLanguage(page, language);
    for (const [i, { fill, fix }] of steps.entries()) {
      await fill();
      if (fix) {
        await page.locator('form button[type="submit"]').click();
        await expect(page.locator('.alert.alert-error[role="alert"]')).toBeVisible();
      }
      for (const large of [false, true]) {
        await setLargePrint(page, large);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `test-results/screenshots/digital-id-today/get-digital-id-${language}-step${i + 1}-${large ? 'large' : 'normal'}.png`, fullPage: true });
      }
      await setLargePrint(page, false);
      if (fix) await fix();
      const heading = await page.locator('main h1').innerText();
      await page.locator('form button[type="submit"]').click();
      await expect(page.locator('main h1')).not.toHaveText(heading);
    }
    await expectNoRawKeys(page);
  });
}
