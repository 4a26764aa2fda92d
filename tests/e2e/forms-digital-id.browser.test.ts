import { expect, test } from '@playwright/test';
import { blockingLines, complaintLetterTitles, complaintRecipient, mitIdSupport } from '#domain/rules/contacts.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { extraKeyCardsAtCounter } from '#domain/rules/key-cards.ts';
import { minimumAge } from '#domain/rules/age-limits.ts';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import type { MunicipalityConfig } from '#config/schema.ts';
import { defaultBooking } from '#config/values.ts';
import { bookableDays } from '#domain/slots.ts';
import { examplePayloads } from '#forms/definitions/fixtures/examples.ts';
import { receiptValues } from '#forms/definitions/get-digital-id.checks.ts';
import { formatDate } from '#domain/dates.ts';
import { formatDay, formatSlot } from '#forms/engine/display.ts';
import { enrolKiosk } from './support/enrol.ts';
import { clockFor, seedTime } from './support/digital-id.ts';
import { choose, completeFormOffline, fieldId, fillText, flowText, type Language, type StepFiller } from './support/forms.ts';
import { chooseLanguage } from './support/kiosk.ts';
import { readOutbox } from './support/outbox-page.ts';

/**
 * The digital-ID requests, each in both languages through to the receipt with the
 * network cut after enrolment. Numbers and addresses are read from the rule data the screens use.
 * The NemID flows run on a day NemID could still be ordered (support/digital-id.ts seedTime), as
 * the seeds describe them; today those paths lead to MitID (digital-id-today.browser.test.ts).
 */
const today = new Date();
const recipient = ruleOn(complaintRecipient, today);
const lines = ruleOn(blockingLines, today);
const mitIdLine = ruleOn(mitIdSupport, today).phone;
// The second open day, so that the test does not race the clock through today's last slots.
const bookedDay = bookableDays(defaultConfig, today, defaultBooking)[1]!;
const bookedTime = bookedDay.times[1]!;
const booked = `${bookedDay.date}T${bookedTime}`;
const maxCards = ruleOn(extraKeyCardsAtCounter, today);

const flows: { service: string; steps: StepFiller[]; receipt: (string | RegExp)[] | ((language: Language) => (string | RegExp)[]); printed: string[] }[] = [
  {
    service: 'complaint',
    steps: [
      async (p) => {
        await expect(p.locator('main')).toContainText(recipient.name);
        // Today a complaint is about MitID: NemID is not offered after it closed.
        await expect(p.locator(`${fieldId('scheme')}-nemid`)).toHaveCount(0);
        await choose(p, 'scheme', 'mitid', 'mitid');
        await choose(p, 'about', 'blocked', 'refused');
        await fillText(p, 'description', 'Mit MitID blev spærret uden forklaring.');
      },
      async (p) => {
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'phone', '12 34 56 78');
      },
    ],
    receipt: [recipient.name, recipient.phone, recipient.email, ...recipient.postalAddress, ruleOn(complaintLetterTitles, today).mitid],
    printed: ['Karen Hansen', '12 34 56 78', recipient.email],
  },
  {
    service: 'block-digital-id',
    steps: [
      async (p) => {
        await choose(p, 'scheme', 'nemid', 'nemid');
      },
      async (p) => {
        // Only the numbers that block a NemID: not MitID support's.
        await expect(p.locator('main')).toContainText(lines.citizen.phone);
        await expect(p.locator('main')).toContainText(lines.business.phone);
        await expect(p.locator('main')).not.toContainText(mitIdLine);
        await expect(p.locator('main form .form-group')).toHaveCount(0);
      },
      async (p) => {
        await choose(p, 'lost', 'key-card', 'key-card');
        await fillText(p, 'details', 'Min pung blev stjålet i bussen.');
      },
      async (p) => {
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'cpr', '010190-1234');
        await fillText(p, 'phone', '12 34 56 78');
      },
    ],
    receipt: [lines.citizen.phone],
    printed: ['Karen Hansen', '010190-XXXX', 'NemID'],
  },
  {
    service: 'book-time',
    steps: [
      async (p) => {
        await choose(p, 'topic', 'get-digital-id', 'get-digital-id');
      },
      async (p) => {
        await p.locator(`${fieldId('time')}-${bookedDay.date}`).check();
        // A day without a time: the error link lands on the first time of that day.
        await p.locator('form button[type="submit"]').click();
        const summary = p.locator('.alert.alert-error[role="alert"]');
        await summary.getByRole('link').first().click();
        await expect(p.locator(fieldId('time'))).toBeFocused();
        await expect(p.locator(fieldId('time'))).toHaveValue(`${bookedDay.date}T${bookedDay.times[0]}`);
        await p.locator(`${fieldId('time')}-${bookedTime.replace(':', '')}`).check();
      },
      async (p) => {
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'phone', '12 34 56 78');
      },
    ],
    // Until the request is delivered the receipt says staff will call this number; once the server
    // has booked the time, that it is confirmed. Which one shows depends on how soon it went out.
    receipt: (language) => [formatSlot(booked, language), language === 'da' ? /12 34 56 78|tiden er bekræftet/ : /12 34 56 78|the time is confirmed/],
    printed: ['Karen Hansen', bookedTime],
  },
  {
    service: 'extra-key-cards',
    steps: [
      async (p) => {
        await expect(p.locator('main')).toContainText(String(maxCards));
        // One more than the rule allows is refused, with a message linked to the field.
        await fillText(p, 'count', String(maxCards + 1));
        await choose(p, 'print', 'large-print', 'standard');
        await p.locator('form button[type="submit"]').click();
        await expect(p.locator(`${fieldId('count')}-error`)).toBeVisible();
        await fillText(p, 'count', '3');
      },
      async (p) => {
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'cpr', '0101901234');
      },
    ],
    receipt: (language) => [language === 'da' ? 'Nøglekort med ekstra stor skrift' : 'Key card with extra-large print'],
    printed: ['Karen Hansen', '010190-XXXX'],
  },
  {
    service: 'lost-key-card',
    steps: [
      async (p) => {
        await choose(p, 'which', 'both', 'key-card');
        await choose(p, 'keyCard', 'voice-response', 'standard');
        // Voice response works with a Danish number only; a foreign one is refused with its own message.
        await fillText(p, 'voicePhone', '+46 12 34 56 78');
        await p.locator('form button[type="submit"]').click();
        await expect(p.locator(`${fieldId('voicePhone')}-error`)).toContainText(/dansk telefonnummer|Danish phone number/);
        await fillText(p, 'voicePhone', '12 34 56 78');
      },
      async (p) => {
        await expect(p.locator('main ul')).toContainText(/Pas|Passport/);
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'cpr', '0101901234');
      },
    ],
    receipt: (language) => [language === 'da' ? 'billed-ID' : 'photo ID'],
    printed: ['Karen Hansen', '010190-XXXX', '12 34 56 78'],
  },
  {
    service: 'get-digital-id',
    steps: [
      async (p) => {
        await choose(p, 'scheme', 'nemid', 'mitid');
        await fillText(p, 'name', 'Karen Hansen');
        // Too young for NemID: told why, and from which day (born 1 January 2015, NemID from 15).
        await fillText(p, 'cpr', '010115-4234');
        await p.locator('form button[type="submit"]').click();
        await expect(p.locator(`${fieldId('cpr')}-error`)).toContainText(String(ruleOn(minimumAge.nemid, today)));
        await expect(p.locator(`${fieldId('cpr')}-error`)).toContainText('2030');
        expect(await readOutbox(p)).toEqual([]);
        await fillText(p, 'cpr', '0101901234');
      },
      async (p) => {
        await choose(p, 'hasFixedAddress', 'yes', 'yes');
      },
      async (p) => {
        await p.locator(`${fieldId('documents')}-driving-licence`).check();
      },
      async (p) => {
        await choose(p, 'confirmBy', 'witness', 'questions');
        await fillText(p, 'witnessName', 'Ole Hansen');
        await fillText(p, 'witnessCpr', '0202602345');
        await p.locator(fieldId('witnessPhotoId')).check();
        await p.locator(fieldId('witnessDeclaration')).check();
      },
      async (p) => {
        await choose(p, 'keyCard', 'large-print', 'standard');
      },
    ],
    receipt: (language) => [language === 'da' ? 'med det samme' : 'at once'],
    printed: ['Karen Hansen', '010190-XXXX', 'Ole Hansen', '020260-XXXX'],
  },
];

for (const { service, steps, receipt, printed: expected } of flows) {
  for (const language of ['da', 'en'] as Language[]) {
    test(`${service} in ${language}: fill in, send offline, receipt and printed copy`, async ({ page, context }) => {
      await clockFor(page, service);
      await enrolKiosk(page);
      const { reference, printed, screen } = await completeFormOffline(page, context, service, language, steps);
      expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(screen).not.toContain('⟦');
      expect(screen).not.toMatch(/0101901234|010190-1234/);
      // The recipient's name once, not repeated as the first line of its address.
      expect(screen).not.toContain('Digitaliseringsstyrelsen, Digitaliseringsstyrelsen');
      for (const text of typeof receipt === 'function' ? receipt(language) : receipt) await expect(page.locator('main')).toContainText(text);
      expect(printed).toContain(reference);
      for (const text of expected) expect(printed).toContain(text);
      // Sent offline, so it went through the outbox; back online it may already have been delivered.
      expect((await readOutbox(page)).map((i) => i.reference)).toEqual([reference]);
    });
  }

  test(`${service}: Next without answers shows the error summary and queues nothing`, async ({ page }) => {
    await clockFor(page, service);
    await enrolKiosk(page);
    await page.goto(`/service/${service}`);
    await chooseLanguage(page, 'en');
    // Information-only steps have nothing to fail; find the first step that asks something.
    while ((await page.locator('main form .form-group').count()) === 0) await page.locator('form button[type="submit"]').click();
    await page.locator('form button[type="submit"]').click();
    const summary = page.locator('.alert.alert-error[role="alert"]');
    await expect(summary).toContainText(flowText.en.problem);
    const first = summary.getByRole('link').first();
    const target = await first.getAttribute('href');
    await first.click();
    await expect(page.locator(target!)).toBeFocused();
    expect(await readOutbox(page)).toEqual([]);
  });
}

test('get-digital-id in en: a NemID posted without control questions shows the delivery window of the rule data', async ({ page, context }) => {
  await clockFor(page, 'get-digital-id');
  await enrolKiosk(page);
  const data = { ...examplePayloads['get-digital-id'], confirmBy: 'post' };
  const { earliest, latest } = receiptValues(seedTime, data);
  await completeFormOffline(page, context, 'get-digital-id', 'en', [
    async (p) => {
      await choose(p, 'scheme', 'nemid', 'mitid');
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '0101901234');
    },
    async (p) => choose(p, 'hasFixedAddress', 'yes', 'yes'),
    async (p) => p.locator(`${fieldId('documents')}-driving-licence`).check(),
    async (p) => choose(p, 'confirmBy', 'post', 'questions'),
    async (p) => choose(p, 'keyCard', 'standard', 'standard'),
  ]);
  for (const day of [earliest!, latest!]) await expect(page.locator('main')).toContainText(formatDay(day, 'en'));
});

test('get-digital-id in da: MitID today follows its own rules, is not posted, and the audio code reader can be chosen', async ({ page, context }) => {
  await enrolKiosk(page);
  const { printed } = await completeFormOffline(page, context, 'get-digital-id', 'da', [
    async (p) => {
      // NemID closed: only MitID is offered, whatever the configuration says.
      await expect(p.locator(`${fieldId('scheme')}-nemid`)).toHaveCount(0);
      await choose(p, 'scheme', 'mitid', 'mitid');
      await fillText(p, 'name', 'Karen Hansen');
      // 14 years old today: MitID from 13, so no "come back at 15".
      await fillText(p, 'cpr', '0106124234');
      await choose(p, 'canUseAlone', 'yes', 'yes');
    },
    async (p) => choose(p, 'hasFixedAddress', 'yes', 'yes'),
    async (p) => {
      // A Danish passport without the CPR number is not enough alone; with the health card it is.
      await p.locator(`${fieldId('mitIdDocuments')}-danish-passport-without-cpr`).check();
      await p.locator('form button[type="submit"]').click();
      await expect(p.locator(`${fieldId('mitIdDocuments')}-error`)).toContainText('CPR');
      await p.locator(`${fieldId('mitIdDocuments')}-health-card`).check();
    },
    async (p) => {
      // The witness rules in force: more than 30 days with MitID, at most 3 times in 120 days.
      await expect(p.locator('main')).toContainText('mere end 30 dage');
      await expect(p.locator('main')).toContainText('3 gange på 120 dage');
      await expect(p.locator('main')).toContainText('professionelt vidne');
      // "Send it to my address" is not offered where it would be refused.
      await expect(p.locator(`${fieldId('confirmBy')}-post`)).toHaveCount(0);
      await choose(p, 'confirmBy', 'questions', 'questions');
    },
    async (p) => {
      await expect(p.locator(fieldId('keyCard'))).toHaveCount(0);
      await expect(p.locator('main')).toContainText('5-48 tegn');
      await expect(p.locator('main')).toContainText('143,60 kr.');
      await p.locator(`${fieldId('authenticators')}-audio-code-reader`).check();
      await p.locator(fieldId('userIdReady')).check();
    },
  ]);
  expect(printed).toContain('kodeoplæser');
});

// These tests serve their own /config.json; a service worker would answer from its cache instead.
test.describe('with a municipality configuration of its own', () => {
  test.use({ serviceWorkers: 'block' });

  /** A municipality that offers one scheme only (config.schemes): blocking shows that scheme's number and no other. */
  for (const [offered, other] of [['mitid', 'nemid'], ['nemid', 'mitid']] as const) {
    test(`block-digital-id where only ${offered} is offered: only its number, and the scheme is chosen already`, async ({ page }) => {
      const config = structuredClone(defaultConfig);
      config.schemes[other] = false;
      await page.route('/config.json', (route) => route.fulfill({ json: config }));
      // On a day NemID still existed, so that the configuration alone decides.
      await clockFor(page, 'block-digital-id');
      await page.goto('/service/block-digital-id');
      await chooseLanguage(page, 'en');
      await expect(page.locator('main input[type="radio"]')).toHaveCount(1);
      await expect(page.locator(fieldId('scheme'))).toHaveValue(offered);
      await expect(page.locator(fieldId('scheme'))).toBeChecked();
      await page.locator('form button[type="submit"]').click();
      await expect(page.locator('main h1')).toHaveText('Call and block now');
      const main = page.locator('main');
      if (offered === 'mitid') {
        await expect(main).toContainText(mitIdLine);
        await expect(main).not.toContainText(lines.citizen.phone);
        await expect(main).not.toContainText(lines.business.phone);
        await expect(main).not.toContainText('NemID');
      } else {
        await expect(main).toContainText(lines.citizen.phone);
        await expect(main).not.toContainText(mitIdLine);
        await expect(main).not.toContainText('MitID');
      }
    });
  }

  test('get-digital-id in en: the posted window skips the closing days of the configuration', async ({ page, context }) => {
    // Close the centre on the two ends of the window: both dates move on.
    const data = { ...examplePayloads['get-digital-id'], confirmBy: 'post' };
    const plain = receiptValues(seedTime, data);
    const config = { ...structuredClone(defaultConfig), closingDays: [plain.earliest!, plain.latest!] } as MunicipalityConfig;
    const shifted = receiptValues(seedTime, data, config);
    expect(shifted.earliest).not.toBe(plain.earliest);
    expect(shifted.latest).not.toBe(plain.latest);
    await page.route('/config.json', (route) => route.fulfill({ json: config }));
    await clockFor(page, 'get-digital-id');
    await enrolKiosk(page);
    await completeFormOffline(page, context, 'get-digital-id', 'en', [
      async (p) => {
        await choose(p, 'scheme', 'nemid', 'mitid');
        await fillText(p, 'name', 'Karen Hansen');
        await fillText(p, 'cpr', '0101901234');
      },
      async (p) => choose(p, 'hasFixedAddress', 'yes', 'yes'),
      async (p) => p.locator(`${fieldId('documents')}-driving-licence`).check(),
      async (p) => choose(p, 'confirmBy', 'post', 'questions'),
      async (p) => choose(p, 'keyCard', 'standard', 'standard'),
    ]);
    const main = page.locator('main');
    for (const day of [shifted.earliest!, shifted.latest!]) await expect(main).toContainText(formatDate(day, 'en', { weekday: true }));
    await expect(main).not.toContainText(formatDate(plain.earliest!, 'en', { weekday: true }));
    // British English: "24 November 2026", never "November 24, 2026".
    await expect(main).not.toContainText(/(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/);
  });
});
