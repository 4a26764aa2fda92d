import { expect, test, type Page } from '@playwright/test';
import type { ErrorCode } from '#forms/engine/types.ts';
import { bookedDay, clockFor, expectFieldError, maxKeyCards, validSteps, type DigitalIdService } from './support/digital-id.ts';
import { enrolKiosk } from './support/enrol.ts';
import { choose, fieldId, fillText, flowText, type Language } from './support/forms.ts';
import { chooseLanguage } from './support/kiosk.ts';
import { readOutbox } from './support/outbox-page.ts';

/**
 * Invalid input on every field of the six digital-ID flows, in Danish and in English. On each
 * step the test first presses Next with nothing answered, then types or picks one wrong thing
 * after another: each time the DKFDS error summary lists the field's message as a link to
 * '#' + the field's id, the link focuses the field, the field shows the same message inline in
 * the current language, and the outbox in IndexedDB stays empty. The kiosk is enrolled, so a
 * request that got through would be queued. Valid answers then move the flow on.
 */

interface Expected {
  path: string;
  code: ErrorCode;
  /** i18next context of the message (a form check says which variant applies). */
  context?: string;
  /** The inline message's element, where it is not '<field id>-error' (a booking's time). */
  inlineId?: string;
  /** Text the message must also hold in this language (e.g. a date written in it). */
  contains?: Partial<Record<Language, string>>;
}

/** One wrong attempt: what is done on top of the step's current answers, and the errors it must give. */
interface Attempt {
  what: string;
  act: (page: Page) => Promise<void>;
  errors: Expected[];
}

const nothing = async () => {};
const required = (...paths: string[]): Expected[] => paths.map((path) => ({ path, code: 'required' }));
const long = (n: number) => 'a'.repeat(n);

/** The attempts of each step, in order; the flow's valid answers (support/digital-id.ts) follow them. */
const attempts: Record<DigitalIdService, Attempt[][]> = {
  complaint: [
    [
      { what: 'nothing answered', act: nothing, errors: required('about', 'description') },
      {
        what: 'a description of spaces only',
        act: async (p) => {
          await choose(p, 'about', 'blocked', 'refused');
          await fillText(p, 'description', '     ');
        },
        errors: required('description'),
      },
    ],
    [
      { what: 'nothing answered', act: nothing, errors: required('name', 'phone') },
      {
        what: 'a name of 201 characters and a phone number of 4 digits',
        act: async (p) => {
          await fillText(p, 'name', long(201));
          await fillText(p, 'phone', '1234');
        },
        errors: [{ path: 'name', code: 'tooLong' }, { path: 'phone', code: 'format' }],
      },
      {
        what: 'a phone number with a letter',
        act: async (p) => {
          await fillText(p, 'name', 'Karen Hansen');
          await fillText(p, 'phone', '12 34 56 7a');
        },
        errors: [{ path: 'phone', code: 'format' }],
      },
    ],
  ],
  'block-digital-id': [
    [{ what: 'no scheme chosen', act: nothing, errors: required('scheme') }],
    [],
    [
      { what: 'nothing answered', act: nothing, errors: required('lost') },
      {
        what: 'details longer than the field allows (the field stops at its limit, so only "lost" is missing)',
        act: async (p) => {
          await fillText(p, 'details', long(1001));
          await expect(p.locator(fieldId('details'))).toHaveValue(long(1000));
        },
        errors: required('lost'),
      },
    ],
    [
      { what: 'nothing answered', act: nothing, errors: required('name', 'cpr', 'phone') },
      {
        what: 'a CPR number of 8 digits and a foreign number too short',
        act: async (p) => {
          await fillText(p, 'name', 'Karen Hansen');
          await fillText(p, 'cpr', '01019012');
          await fillText(p, 'phone', '+4612');
        },
        errors: [{ path: 'cpr', code: 'format' }, { path: 'phone', code: 'format' }],
      },
      {
        what: 'a CPR number whose date does not exist',
        act: async (p) => {
          await fillText(p, 'cpr', '320190-1234');
          await fillText(p, 'phone', '12 34 56 78');
        },
        errors: [{ path: 'cpr', code: 'date' }],
      },
      { what: 'a CPR number born in the future', act: (p) => fillText(p, 'cpr', '010130-4234'), errors: [{ path: 'cpr', code: 'future' }] },
      { what: 'a replacement CPR number', act: (p) => fillText(p, 'cpr', '610190-1234'), errors: [{ path: 'cpr', code: 'replacement' }] },
    ],
  ],
  'book-time': [
    [
      { what: 'no topic', act: nothing, errors: required('topic') },
      { what: '"something else" without saying what', act: (p) => choose(p, 'topic', 'other', 'get-digital-id'), errors: required('topicOther') },
      { what: 'a topic of 201 characters', act: (p) => fillText(p, 'topicOther', long(201)), errors: [{ path: 'topicOther', code: 'tooLong' }] },
    ],
    [
      { what: 'no day and no time', act: nothing, errors: required('time') },
      {
        what: 'a day without a time',
        act: (p) => p.locator(`${fieldId('time')}-${bookedDay.date}`).check(),
        errors: [{ path: 'time', code: 'required', inlineId: 'f-time-time' }],
      },
    ],
    [
      { what: 'nothing answered', act: nothing, errors: required('name', 'phone') },
      {
        what: 'a phone number of 9 digits',
        act: async (p) => {
          await fillText(p, 'name', 'Karen Hansen');
          await fillText(p, 'phone', '1234 5678 9');
        },
        errors: [{ path: 'phone', code: 'format' }],
      },
    ],
  ],
  'extra-key-cards': [
    [
      { what: 'nothing answered', act: nothing, errors: required('count', 'print') },
      {
        what: 'a number in words',
        act: async (p) => {
          await fillText(p, 'count', 'tre');
          await choose(p, 'print', 'large-print', 'standard');
        },
        errors: [{ path: 'count', code: 'format' }],
      },
      { what: 'a decimal number', act: (p) => fillText(p, 'count', '2,5'), errors: [{ path: 'count', code: 'format' }] },
      { what: 'no key cards', act: (p) => fillText(p, 'count', '0'), errors: [{ path: 'count', code: 'range' }] },
      { what: 'one key card more than the rule allows', act: (p) => fillText(p, 'count', String(maxKeyCards + 1)), errors: [{ path: 'count', code: 'range' }] },
    ],
    [
      { what: 'nothing answered', act: nothing, errors: required('name', 'cpr') },
      {
        what: 'a CPR number of 11 digits',
        act: async (p) => {
          await fillText(p, 'name', 'Karen Hansen');
          await fillText(p, 'cpr', '010190-12345');
        },
        errors: [{ path: 'cpr', code: 'format' }],
      },
    ],
  ],
  'lost-key-card': [
    [
      { what: 'nothing answered', act: nothing, errors: required('which') },
      { what: 'a key card without its kind', act: (p) => choose(p, 'which', 'key-card', 'key-card'), errors: required('keyCard') },
      { what: 'voice response without a phone number', act: (p) => choose(p, 'keyCard', 'voice-response', 'standard'), errors: required('voicePhone') },
      { what: 'voice response with a Swedish number', act: (p) => fillText(p, 'voicePhone', '+46 12 34 56 78'), errors: [{ path: 'voicePhone', code: 'format' }] },
      { what: 'voice response with 7 digits', act: (p) => fillText(p, 'voicePhone', '1234567'), errors: [{ path: 'voicePhone', code: 'format' }] },
    ],
    [
      { what: 'nothing answered', act: nothing, errors: required('name', 'cpr') },
      {
        what: 'a CPR number in letters',
        act: async (p) => {
          await fillText(p, 'name', 'Karen Hansen');
          await fillText(p, 'cpr', 'abcdefghij');
        },
        errors: [{ path: 'cpr', code: 'format' }],
      },
    ],
  ],
  'get-digital-id': [
    [
      { what: 'nothing answered', act: nothing, errors: required('scheme', 'name', 'cpr') },
      {
        // Born 1 January 2015: NemID from the age of 15, so from 1 January 2030.
        what: 'a citizen too young for NemID',
        act: async (p) => {
          await choose(p, 'scheme', 'nemid', 'mitid');
          await fillText(p, 'name', 'Karen Hansen');
          await fillText(p, 'cpr', '010115-4234');
        },
        errors: [{ path: 'cpr', code: 'notEligible', contains: { da: '1. januar 2030', en: '1 January 2030' } }],
      },
      { what: 'a CPR number with month 13', act: (p) => fillText(p, 'cpr', '011390-1234'), errors: [{ path: 'cpr', code: 'date' }] },
    ],
    [
      { what: 'nothing answered', act: nothing, errors: required('hasFixedAddress') },
      {
        what: 'no fixed address and no postal address',
        act: (p) => choose(p, 'hasFixedAddress', 'no', 'yes'),
        errors: required('postalAddress.street', 'postalAddress.number', 'postalAddress.postcode', 'postalAddress.town'),
      },
      {
        what: 'a postcode that does not exist',
        act: async (p) => {
          await fillText(p, 'postalAddress.street', 'Vestergade');
          await fillText(p, 'postalAddress.number', '12');
          await fillText(p, 'postalAddress.postcode', '9999');
          await fillText(p, 'postalAddress.town', 'Aarhus C');
        },
        errors: [{ path: 'postalAddress.postcode', code: 'postcodeUnknown' }],
      },
      {
        what: 'a town that does not match the postcode',
        act: async (p) => {
          await fillText(p, 'postalAddress.postcode', '8000');
          await fillText(p, 'postalAddress.town', 'Odense C');
        },
        errors: [{ path: 'postalAddress.town', code: 'postcodeTown' }],
      },
    ],
    [
      { what: 'no documents', act: nothing, errors: required('documents') },
      { what: 'a passport alone (no CPR number on it)', act: (p) => p.locator(fieldId('documents')).check(), errors: [{ path: 'documents', code: 'notEligible', context: 'missing-cpr' }] },
      {
        what: 'a health card alone',
        act: async (p) => {
          await p.locator(fieldId('documents')).uncheck();
          await p.locator(`${fieldId('documents')}-health-card`).check();
        },
        errors: [{ path: 'documents', code: 'notEligible', context: 'insufficient' }],
      },
      { what: 'clearing the health card again', act: (p) => p.locator(`${fieldId('documents')}-health-card`).uncheck(), errors: required('documents') },
    ],
    [
      { what: 'nothing answered', act: nothing, errors: required('confirmBy') },
      {
        what: 'a witness without any details',
        act: (p) => choose(p, 'confirmBy', 'witness', 'questions'),
        errors: required('witnessName', 'witnessCpr', 'witnessPhotoId', 'witnessDeclaration'),
      },
      {
        what: 'a witness under 18',
        act: async (p) => {
          await fillText(p, 'witnessName', 'Ole Hansen');
          await fillText(p, 'witnessCpr', '0101104234');
          await p.locator(fieldId('witnessPhotoId')).check();
          await p.locator(fieldId('witnessDeclaration')).check();
        },
        errors: [{ path: 'witnessCpr', code: 'notEligible' }],
      },
      {
        what: 'a witness who has not signed the declaration',
        act: async (p) => {
          await fillText(p, 'witnessCpr', '0202602345');
          await p.locator(fieldId('witnessDeclaration')).uncheck();
        },
        errors: required('witnessDeclaration'),
      },
    ],
    [
      { what: 'no key card chosen', act: nothing, errors: required('keyCard') },
      { what: 'voice response without a phone number', act: (p) => choose(p, 'keyCard', 'voice-response', 'standard'), errors: required('voicePhone') },
      { what: 'voice response with a Danish number written with +45', act: (p) => fillText(p, 'voicePhone', '+45 12 34 56 78'), errors: [{ path: 'voicePhone', code: 'format' }] },
    ],
  ],
};

/**
 * The MitID branch of "Get a digital ID" (version 2) on the seed day, when "send it to my address"
 * was still offered for NemID: MitID's own document list, the refusal of MitID to someone who
 * cannot use it alone, posting refused, and an authenticator and a user ID required.
 */
const mitidSteps: { valid: ((p: Page) => Promise<void>)[]; attempts: Attempt[][] } = {
  valid: [
    async (p) => {
      await choose(p, 'scheme', 'mitid', 'mitid');
      await fillText(p, 'name', 'Karen Hansen');
      await fillText(p, 'cpr', '0101901234');
      await choose(p, 'canUseAlone', 'yes', 'yes');
    },
    validSteps['get-digital-id'][1]!,
    async (p) => {
      await p.locator(`${fieldId('mitIdDocuments')}-health-card`).check();
    },
    (p) => choose(p, 'confirmBy', 'questions', 'questions'),
    async (p) => {
      await p.locator(`${fieldId('authenticators')}-audio-code-reader`).check();
      await p.locator(fieldId('userIdReady')).check();
    },
  ],
  attempts: [
    [
      {
        what: 'a citizen who cannot use MitID without help',
        act: async (p) => {
          await choose(p, 'scheme', 'mitid', 'mitid');
          await fillText(p, 'name', 'Karen Hansen');
          await fillText(p, 'cpr', '0101901234');
          await choose(p, 'canUseAlone', 'no', 'yes');
        },
        errors: [{ path: 'canUseAlone', code: 'notEligible', contains: { da: 'Digital Post', en: 'Digital Post' } }],
      },
    ],
    [],
    [
      { what: 'no documents', act: nothing, errors: required('mitIdDocuments') },
      {
        what: 'a Danish passport without the CPR number alone',
        act: (p) => p.locator(`${fieldId('mitIdDocuments')}-danish-passport-without-cpr`).check(),
        errors: [{ path: 'mitIdDocuments', code: 'notEligible', context: 'missing-cpr' }],
      },
    ],
    [{ what: 'MitID by post', act: (p) => choose(p, 'confirmBy', 'post', 'questions'), errors: [{ path: 'confirmBy', code: 'notEligible' }] }],
    [{ what: 'no authenticator and no user ID', act: nothing, errors: required('authenticators', 'userIdReady') }],
  ],
};

async function walk(page: Page, service: DigitalIdService, language: Language, valid: ((p: Page) => Promise<void>)[], plan: Attempt[][]): Promise<void> {
  // The NemID flows on a day NemID could still be ordered (the seeds' behaviour).
  await clockFor(page, service);
  await enrolKiosk(page);
  await page.goto(`/service/${service}`);
  await chooseLanguage(page, language);
  for (const [i, fill] of valid.entries()) {
    for (const attempt of plan[i] ?? []) {
      const where = `${service} ${language} step ${i + 1}, ${attempt.what}`;
      await attempt.act(page);
      await page.locator('form button[type="submit"]').click();
      const summary = page.locator('.alert.alert-error[role="alert"]');
      await expect(summary, where).toBeVisible();
      await expect(summary.getByRole('link'), `${where}: the summary lists exactly the expected errors`).toHaveCount(attempt.errors.length);
      for (const e of attempt.errors) {
        await test.step(`${where}: ${e.path} ${e.code}`, async () => {
          await expectFieldError(page, service, language, e.path, e.code, { context: e.context, inlineId: e.inlineId });
          const text = e.contains?.[language];
          if (text) await expect(page.locator(`#${e.inlineId ?? fieldId(e.path).slice(1)}-error`)).toContainText(text);
        });
      }
      expect(await readOutbox(page), `${where}: nothing is queued`).toEqual([]);
    }
    await fill(page);
    const heading = await page.locator('main h1').innerText();
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator('main h1'), `${service} ${language} step ${i + 1}: valid answers move on`).not.toHaveText(heading);
    await expect(page.locator('.alert.alert-error[role="alert"]')).toHaveCount(0);
  }
  await expect(page.locator('main h1')).toHaveText(flowText[language].check);
  expect(await readOutbox(page)).toEqual([]);
}

for (const service of Object.keys(attempts) as DigitalIdService[]) {
  for (const language of ['da', 'en'] as Language[]) {
    test(`${service} in ${language}: invalid input on every field is named, linked and queues nothing`, async ({ page }) => {
      test.setTimeout(180_000);
      // Restore the answers that attempts changed before the valid ones are given.
      const valid = validSteps[service].map((fill, i) => async (p: Page) => {
        if (service === 'get-digital-id' && i === 2) await p.locator(fieldId('documents')).uncheck();
        if (service === 'get-digital-id' && i === 1) await choose(p, 'hasFixedAddress', 'yes', 'yes');
        await fill(p);
      });
      await walk(page, service, language, valid, attempts[service]);
    });
  }
}

for (const language of ['da', 'en'] as Language[]) {
  test(`get-digital-id (MitID) in ${language}: posting refused and authenticator required, named and linked`, async ({ page }) => {
    test.setTimeout(120_000);
    await walk(page, 'get-digital-id', language, mitidSteps.valid, mitidSteps.attempts);
  });
}
