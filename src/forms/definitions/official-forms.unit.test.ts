import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import '../index.ts';
import { errorMessage } from '#app/form-flow/messages.ts';
import { addDays, calendarDate } from '#domain/dates.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { digitalPostExemptionScope } from '#domain/rules/digital-post.ts';
import { holidayPay } from '#domain/rules/holiday-pay.ts';
import { housingBenefitBackdating, housingBenefitProcessing } from '#domain/rules/housing.ts';
import { moveReporting } from '#domain/rules/moving.ts';
import { receiptTexts } from '../engine/display.ts';
import type { FieldError, FormDefinition } from '../engine/types.ts';
import { validatePayload, validateStep } from '../engine/validate.ts';
import { validateRequest } from '../registry.ts';
import { examplePayloads } from './fixtures/examples.ts';
import { shippedExamples } from './fixtures/examples.shipped.ts';
import { monthsBefore } from './holiday-pay.checks.ts';
import { currentForms, formVersions } from './index.ts';

/** The forms as the official paper forms and borger.dk describe them in 2026, against their shipped versions. */

const languages = ['da', 'en'] as const;
const locale = (lang: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

async function i18nFor(form: FormDefinition, lang: string) {
  const ns = `form-${form.id}`;
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { forms: locale(lang, 'forms'), rules: locale(lang, 'rules'), [ns]: locale(lang, ns) } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}

/** The kiosk's words for errors, as the error summary shows them, in each language. */
async function messagesFor(form: FormDefinition, errors: FieldError[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const lang of languages) {
    const t = await i18nFor(form, lang);
    out[lang] = errors.map((e) => errorMessage(t as never, form, e, lang));
  }
  return out;
}

const current = (id: string) => currentForms.find((f) => f.id === id)!;
const versions = (id: string) => formVersions.find((v) => v[0]!.id === id)!;
const valid = (form: FormDefinition, data: Record<string, unknown>, today = new Date()) => validatePayload(form, data, today);
const codes = (form: FormDefinition, data: Record<string, unknown>) => {
  const result = validateRequest(form.type, form.schemaVersion, data);
  return result.ok ? [] : result.errors;
};

// Born 5 December 2011: turns 15 on 5 December 2026.
const turns15On = { cpr: '0512114321', birthday: '2026-12-05' };
const dayBefore = new Date('2026-12-04T12:00:00+01:00');
const birthday = new Date('2026-12-05T12:00:00+01:00');

describe('the shipped versions stay readable', () => {
  it.each(['holiday-pay', 'housing-benefit', 'digital-post-read-access', 'power-of-attorney', 'digital-post-exemption'])('%s: the version before the newest still accepts what an older kiosk queued, the newest does not', (id) => {
    const all = versions(id);
    const previous = all.at(-2)!;
    const newest = all.at(-1)!;
    expect(validateRequest(previous.type, previous.schemaVersion, shippedExamples[id])).toEqual({ ok: true, data: shippedExamples[id] });
    expect(validateRequest(newest.type, newest.schemaVersion, shippedExamples[id]).ok).toBe(false);
    expect(validateRequest(newest.type, newest.schemaVersion, examplePayloads[id]).ok).toBe(true);
  });
});

describe('holiday pay v3: Udbetaling Danmark\'s paper form', () => {
  const form = current('holiday-pay');
  const example = examplePayloads['holiday-pay']!;
  const left = { ...example, reason: 'leftLabourMarket', firstHolidayDay: undefined, holidayDays: undefined, lastWorkingDay: addDays(calendarDate(new Date()), -10), leftBecause: 'oldAgePension' };
  const { firstHolidayDay: _f, holidayDays: _h, ...leftAnswers } = left;

  it('is version 3, and accepts both official reasons', () => {
    expect(form.schemaVersion).toBe(3);
    expect(codes(form, example)).toEqual([]);
    for (const leftBecause of ['oldAgePension', 'earlyPension', 'emigration', 'neverInCpr']) expect(codes(form, { ...leftAnswers, leftBecause })).toEqual([]);
  });

  it('asks for no bank account: the money goes to the NemKonto', () => {
    expect(codes(form, { ...example, regNo: '1234', accountNo: '1234567890' })).toEqual([
      { path: 'regNo', code: 'notAllowed' },
      { path: 'accountNo', code: 'notAllowed' },
    ]);
  });

  it('refuses the reasons the official form does not have', () => {
    for (const reason of ['movingAbroad', 'other']) expect(codes(form, { ...example, reason })).toContainEqual({ path: 'reason', code: 'notAnOption' });
  });

  it('asks the number of days of holiday from 1 to the days of a holiday year, and says the limit in words', async () => {
    const max = holidayPay[0]!.value.daysPerHolidayYear;
    expect(codes(form, { ...example, holidayDays: max })).toEqual([]);
    expect(codes(form, { ...example, holidayDays: max + 1 })).toEqual([{ path: 'holidayDays', code: 'range' }]);
    expect(await messagesFor(form, [{ path: 'holidayDays', code: 'range' }])).toEqual({
      da: [`„Antal feriedage“ skal være et tal fra 1 til ${max}`],
      en: [`“Number of days of holiday” must be a number from 1 to ${max}`],
    });
  });

  it('refuses a last working day after today, and one more than the rule\'s months ago while the citizen answers', async () => {
    const today = new Date('2026-12-04T12:00:00+01:00');
    const { leftLabourMarketMonths: months } = ruleOn(holidayPay, today);
    expect(months).toBe(6);
    expect(monthsBefore('2026-12-04', 6)).toBe('2026-06-04');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2028-08-31', 6)).toBe('2028-02-29');
    expect(monthsBefore('2027-01-15', 1)).toBe('2026-12-15');
    const at = (lastWorkingDay: string) => validateStep(form, 1, { ...leftAnswers, lastWorkingDay }, today);
    expect(at('2026-12-04')).toEqual([]);
    expect(at('2026-06-04')).toEqual([]);
    expect(at('2026-06-03')).toEqual([{ path: 'lastWorkingDay', code: 'notEligible', values: { context: 'tooLongAgo', months: '6', earliest: '2026-06-04' } }]);
    expect(at('2026-12-05')).toEqual([{ path: 'lastWorkingDay', code: 'notEligible', values: { context: 'future', today: '2026-12-04' } }]);
    // Queued, the request still validates on the server after the limit has passed.
    expect(valid(form, { ...leftAnswers, lastWorkingDay: '2026-06-04' }, new Date('2027-01-10T12:00:00+01:00'))).toEqual([]);
    const messages = await messagesFor(form, at('2026-06-03'));
    expect(messages.da[0]).toMatch(/^Du kan kun søge på denne måde senest 6 måneder efter din sidste arbejdsdag, det vil sige hvis den var torsdag den 4\. juni 2026 eller senere/);
    expect(messages.en[0]).toMatch(/^You can only apply this way within 6 months of your last working day, that is if it was on Thursday, 4 June 2026 or later/);
  });

  it('accepts a first day of holiday one month ahead and refuses one day later, naming the first day one can apply', async () => {
    const today = new Date('2026-12-04T12:00:00+01:00');
    expect(ruleOn(holidayPay, today).monthsBeforeFirstDay).toBe(1);
    const at = (firstHolidayDay: string) => valid(form, { ...example, firstHolidayDay }, today);
    expect(at('2027-01-04')).toEqual([]);
    expect(at('2026-06-01')).toEqual([]);
    expect(at('2027-01-05')).toEqual([{ path: 'firstHolidayDay', code: 'notEligible', values: { context: 'tooEarly', months: '1', earliest: '2026-12-05' } }]);
    expect((await messagesFor(form, at('2027-01-05'))).da).toEqual(['Du kan tidligst få feriepengene udbetalt 1 md. før din første feriedag, det vil sige fra lørdag den 5. december 2026. Søg igen til den tid, eller tjek datoen']);
  });

  it('lets a parent sign for a child under 15, and the young person sign from the day they turn 15', async () => {
    const child = { ...example, cpr: turns15On.cpr };
    const parent = { ...child, signedBy: 'parent', parentName: 'Karen Hansen' };
    expect(validateStep(form, 2, child, dayBefore)).toEqual([{ path: 'signedBy', code: 'notEligible', values: { context: 'parent', age: '15' } }]);
    expect(validateStep(form, 2, parent, dayBefore)).toEqual([]);
    expect(validateStep(form, 2, child, birthday)).toEqual([]);
    expect(validateStep(form, 2, parent, birthday)).toEqual([{ path: 'signedBy', code: 'notEligible', values: { context: 'self', age: '15' } }]);
    // A parent's signature queued the day before stays valid when it reaches the server on the birthday.
    expect(valid(form, parent, birthday)).toEqual([]);
    const messages = await messagesFor(form, validateStep(form, 2, child, dayBefore));
    expect(messages).toEqual({ da: ['Du er under 15 år. En forælder skal hjælpe dig og skrive under'], en: ['You are under 15. A parent must help you and sign'] });
  });

  it('says which small amounts are paid without a request, from the rule data, as numbers are written', async () => {
    const step = form.steps[0]!;
    const values = step.introValues!(new Date(), {});
    expect(values).toEqual({ start: '1500', end: '2250' });
    const da = await i18nFor(form, 'da');
    const en = await i18nFor(form, 'en');
    expect(da('form-holiday-pay:intro.automatic', values)).toContain('1.500 kr. eller mindre i feriepenge, når ferieåret begynder, eller 2.250 kr.');
    expect(en('form-holiday-pay:intro.automatic', values)).toContain('1,500 kr. or less');
  });
});

describe('Digital Fuldmagt v3: one self-service, MitID, both at least 15', () => {
  const form = current('power-of-attorney');
  const example = examplePayloads['power-of-attorney']!;

  it('has no "everything" fuldmagt and no areas: one named self-service', () => {
    expect(codes(form, { ...example, scope: 'all' })).toEqual([{ path: 'scope', code: 'notAllowed' }]);
    expect(codes(form, { ...example, areas: ['tax'] })).toEqual([{ path: 'areas', code: 'notAllowed' }]);
    const { selfService: _s, ...without } = example;
    expect(codes(form, without)).toEqual([{ path: 'selfService', code: 'required' }]);
  });

  it('refuses a holder the day before they turn 15 and accepts them on the day, in both languages', async () => {
    const young = { ...example, attorneyCpr: turns15On.cpr };
    expect(valid(form, young, dayBefore)).toEqual([{ path: 'attorneyCpr', code: 'notEligible', values: { context: 'tooYoung', age: '15', date: turns15On.birthday } }]);
    expect(valid(form, young, birthday)).toEqual([]);
    expect(await messagesFor(form, valid(form, young, dayBefore))).toEqual({
      da: ['Din pårørende skal være fyldt 15 år for at få en fuldmagt. Personen fylder 15 år lørdag den 5. december 2026'],
      en: ['Your relative must be at least 15 to hold a power of attorney. They turn 15 on Saturday, 5 December 2026'],
    });
  });

  it('refuses a giver under 15 too', () => {
    expect(valid(form, { ...example, cpr: turns15On.cpr }, dayBefore)).toEqual([{ path: 'cpr', code: 'notEligible', values: { context: 'tooYoung', age: '15', date: turns15On.birthday } }]);
  });

  it('needs MitID for at least one of the two', () => {
    expect(valid(form, { ...example, hasMitId: false, attorneyHasMitId: false })).toEqual([{ path: 'attorneyHasMitId', code: 'notEligible', values: { context: 'neither' } }]);
    expect(valid(form, { ...example, hasMitId: true, attorneyHasMitId: false })).toEqual([]);
  });

  it('tells a giver without MitID to sign the posted letter and send it back', async () => {
    const t = await i18nFor(form, 'da');
    expect(receiptTexts(form, t, new Date(), { ...example, hasMitId: false }).join(' ')).toContain('Skriv under på brevet, og send det tilbage');
    expect(receiptTexts(form, t, new Date(), { ...example, hasMitId: true }).join(' ')).not.toContain('brevet');
  });

  it('refuses an end date that has passed while the citizen answers, and accepts today', () => {
    const today = new Date('2026-12-04T12:00:00+01:00');
    expect(validateStep(form, 2, { ...example, endDate: '2026-12-03' }, today)).toEqual([{ path: 'endDate', code: 'notEligible', values: { context: 'past', today: '2026-12-04' } }]);
    expect(validateStep(form, 2, { ...example, endDate: '2026-12-04' }, today)).toEqual([]);
  });
});

describe('access to Digital Post v3: read or read-and-write, both at least 15', () => {
  const form = current('digital-post-read-access');
  const example = examplePayloads['digital-post-read-access']!;

  it('offers read access and read-and-write access, nothing else', () => {
    expect(codes(form, { ...example, accessLevel: 'readWrite' })).toEqual([]);
    expect(codes(form, { ...example, accessLevel: 'delete' })).toEqual([{ path: 'accessLevel', code: 'notAnOption' }]);
    const { accessLevel: _a, ...without } = example;
    expect(codes(form, without)).toEqual([{ path: 'accessLevel', code: 'required' }]);
  });

  it('refuses a reader the day before they turn 15 and accepts them on the day, in both languages', async () => {
    const young = { ...example, readerCpr: turns15On.cpr };
    expect(valid(form, young, dayBefore)).toEqual([{ path: 'readerCpr', code: 'notEligible', values: { context: 'tooYoung', age: '15', date: turns15On.birthday } }]);
    expect(valid(form, young, birthday)).toEqual([]);
    expect(await messagesFor(form, valid(form, young, dayBefore))).toEqual({
      da: ['Personen skal være fyldt 15 år for at få adgang til din Digital Post. Personen fylder 15 år lørdag den 5. december 2026'],
      en: ['The other person must be at least 15 to get access to your Digital Post. They turn 15 on Saturday, 5 December 2026'],
    });
  });

  it('refuses an end date in 2020 while the citizen answers, in both languages', async () => {
    const today = new Date('2026-12-04T12:00:00+01:00');
    const errors = validateStep(form, 2, { ...example, hasEndDate: true, endDate: '2020-06-01' }, today);
    expect(errors).toEqual([{ path: 'endDate', code: 'notEligible', values: { context: 'past', today: '2026-12-04' } }]);
    expect(await messagesFor(form, errors)).toEqual({
      da: ['Den sidste dag med adgang kan ikke være før i dag, fredag den 4. december 2026. Skriv en senere dato, eller svar nej til, at adgangen skal stoppe'],
      en: ['The last day of access cannot be before today, Friday, 4 December 2026. Enter a later date, or answer no to stopping it'],
    });
  });

  it('says that giving access can lift the citizen\'s own exemption', async () => {
    expect(form.steps[0]!.introKeys).toContain('intro.exemption');
    for (const lang of languages) {
      const t = await i18nFor(form, lang);
      expect(t('form-digital-post-read-access:intro.exemption')).toMatch(lang === 'da' ? /fritagelsen blive ophævet/ : /lift your exemption/);
    }
  });
});

describe('exemption from Digital Post v2', () => {
  const form = current('digital-post-exemption');
  const example = examplePayloads['digital-post-exemption']!;

  it('lets a relative or care staff declare for a person who cannot, with their name', () => {
    for (const declaredBy of ['relative', 'careStaff']) {
      expect(codes(form, { ...example, declaredBy })).toEqual([{ path: 'declarantName', code: 'required' }]);
      expect(codes(form, { ...example, declaredBy, declarantName: 'Ole Hansen' })).toEqual([]);
    }
    expect(codes(form, { ...example, declarantName: 'Ole Hansen' })).toEqual([{ path: 'declarantName', code: 'notAllowed' }]);
  });

  it('asks no ground and no documentation, but about unopened post and Udbetaling Danmark', () => {
    expect(codes(form, { ...example, ground: 'impairment' })).toEqual([{ path: 'ground', code: 'notAllowed' }]);
    const { forwardUnopened: _f, udkExemption: _u, ...without } = example;
    expect(codes(form, without)).toEqual([
      { path: 'forwardUnopened', code: 'required' },
      { path: 'udkExemption', code: 'required' },
    ]);
  });

  it('says it is lifelong, the months of unopened post and the self-service date from the rule data', async () => {
    const scope = form.steps.find((s) => s.id === 'scope')!;
    const rule = ruleOn(digitalPostExemptionScope, new Date());
    expect(scope.introValues!(new Date(), {})).toEqual({ months: String(rule.forwardUnopenedMonths), since: rule.selfServiceExemptionFrom });
    expect(scope.introKeys).toEqual(['scope.lifelong', 'scope.selfService', 'scope.forward']);
  });

  it('refuses a person under the Digital Post age, who has no mailbox to be exempted from', () => {
    expect(valid(form, { ...example, cpr: turns15On.cpr }, dayBefore)).toHaveLength(1);
    expect(valid(form, { ...example, cpr: turns15On.cpr }, birthday)).toEqual([]);
  });
});

describe('housing benefit v3', () => {
  const form = current('housing-benefit');
  const example = examplePayloads['housing-benefit']!;
  const today = new Date('2026-12-04T12:00:00+01:00');

  it('refuses a moving-in date after today, and accepts today', async () => {
    expect(valid(form, { ...example, movedInDate: '2026-12-05' }, today)).toEqual([{ path: 'movedInDate', code: 'notEligible', values: { context: 'future', today: '2026-12-04' } }]);
    expect(valid(form, { ...example, movedInDate: '2026-12-04' }, today)).toEqual([]);
    const messages = await messagesFor(form, valid(form, { ...example, movedInDate: '2026-12-05' }, today));
    expect(messages.da).toEqual(['Datoen for, hvornår du flyttede ind, kan ikke være efter i dag, fredag den 4. december 2026. Søg om boligstøtte, når du er flyttet ind']);
  });

  it('asks that the move is reported first', () => {
    expect(valid(form, { ...example, moveReported: false })).toEqual([{ path: 'moveReported', code: 'notEligible', values: { context: 'no' } }]);
  });

  it('pays from the moving-in date when applied for within 30 days, and says on the receipt how long processing takes', async () => {
    const { daysAfterMovingIn } = ruleOn(housingBenefitBackdating, today);
    const { maxWeeks, averageWeeks } = ruleOn(housingBenefitProcessing, today);
    const t = await i18nFor(form, 'da');
    const receipt = (days: number) => receiptTexts(form, t, today, { ...example, movedInDate: addDays('2026-12-04', -days) });
    expect(receipt(daysAfterMovingIn)[0]).toContain('bliver den udbetalt fra den dag, du flyttede ind');
    expect(receipt(daysAfterMovingIn + 1)[0]).toContain('fra den 1. i måneden efter');
    expect(receipt(0)[1]).toBe(`Udbetaling Danmark bruger op til cirka ${maxWeeks} uger på at behandle ansøgningen, i gennemsnit ${averageWeeks} uger.`);
  });
});

describe('change of address: the reporting rule\'s boundaries', () => {
  const form = current('change-of-address');
  const example = examplePayloads['change-of-address']!;
  const today = new Date('2026-12-04T12:00:00+01:00');
  const { earliestDaysBefore, latestDaysAfter } = ruleOn(moveReporting, today);

  it('accepts a moving date 28 days ahead and refuses 29', () => {
    expect(earliestDaysBefore).toBe(28);
    expect(valid(form, { ...example, movingDate: '2027-01-01' }, today)).toEqual([]);
    expect(valid(form, { ...example, movingDate: '2027-01-02' }, today)).toEqual([{ path: 'movingDate', code: 'notEligible', values: { context: 'tooEarly', days: '28', date: '2026-12-05' } }]);
  });

  it('calls a report 5 days after moving in on time and 6 days late, which is accepted with a word about the fine', async () => {
    expect(latestDaysAfter).toBe(5);
    const t = await i18nFor(form, 'da');
    expect(receiptTexts(form, t, today, { ...example, movingDate: '2026-11-29' })[0]).not.toContain('bøde');
    expect(valid(form, { ...example, movingDate: '2026-11-28' }, today)).toEqual([]);
    expect(receiptTexts(form, t, today, { ...example, movingDate: '2026-11-28' })[0]).toContain('bøde');
  });
});

describe('error messages name their limits', () => {
  it('says how long a text may be, in correct Danish whatever the label\'s gender', async () => {
    const v2 = versions('holiday-pay')[1]!;
    expect(await messagesFor(v2, [{ path: 'accountNo', code: 'tooLong' }])).toEqual({
      da: ['„Kontonummer“ må højst være 10 tegn. Skriv det kortere'],
      en: ['“Account number” must be 10 characters or fewer. Shorten it'],
    });
  });

  it('writes large limits as the citizen reads numbers', async () => {
    const form = current('housing-benefit');
    expect(await messagesFor(form, [{ path: 'rent', code: 'range' }])).toEqual({
      da: ['„Husleje pr. måned“ skal være et tal fra 1 til 100.000'],
      en: ['“Rent per month” must be a number from 1 to 100,000'],
    });
  });

  it('says how long each part of an address may be', async () => {
    const form = current('change-of-address');
    expect(await messagesFor(form, [{ path: 'newAddress.floor', code: 'tooLong' }, { path: 'newAddress.street', code: 'tooLong' }])).toEqual({
      da: ['Etagen må højst være 20 tegn, for eksempel 2 eller st.', 'Vejnavnet må højst være 100 tegn'],
      en: ['The floor must be 20 characters or fewer, for example 2 or st.', 'The street name must be 100 characters or fewer'],
    });
  });

  it('says how many people a group takes', async () => {
    const form = current('change-of-address');
    expect((await messagesFor(form, [{ path: 'movers', code: 'tooManyRows' }])).da).toEqual(['Du kan højst tilføje 10 personer her. Spørg ved skranken, hvis der er flere']);
  });

  it('uses Danish quotation marks („…“) in every Danish text of the forms', () => {
    const texts = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as object).flatMap(texts));
    const ids = ['holiday-pay', 'power-of-attorney', 'digital-post-read-access', 'digital-post-exemption', 'housing-benefit', 'change-of-address'];
    for (const ns of ['forms', ...ids.map((id) => `form-${id}`)]) {
      for (const text of texts(locale('da', ns))) {
        expect(text, ns).not.toMatch(/["”]/u);
        expect(text.split('„').length, `${ns}: ${text}`).toBe(text.split('“').length);
      }
    }
  });
});
