import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import '../index.ts';
import { validateRequest } from '../registry.ts';
import { currentForms, formVersions } from './index.ts';
import { examplePayloads } from './fixtures/examples.ts';
import { shippedExamples } from './fixtures/examples.shipped.ts';
import { formIds, infoPageIds, staffOnlyFormIds } from '../catalog.ts';
import { infoPages } from './info-pages.ts';
import { allFields } from '../engine/display.ts';
import { errorCodesByAddressPart, errorCodesByKind, errorKey, hintKey, labelKey, optionKey, resolveKey, stepTitleKey, titleKey } from '../engine/keys.ts';
import { digitalPostExemption } from '#domain/rules/digital-post.ts';
import { blockingLines, complaintRecipient } from '#domain/rules/contacts.ts';
import { extraKeyCardsAtCounter } from '#domain/rules/key-cards.ts';
import type { MunicipalityConfig } from '#config/schema.ts';
import { offeredOptions } from '../engine/conditions.ts';
import { receiptTexts } from '../engine/display.ts';
import defaultConfig from '#config/municipality.default.json' with { type: 'json' };
import i18next from 'i18next';
import { errorMessage } from '#app/form-flow/messages.ts';
import { addDays, calendarDate, isIsoDate } from '#domain/dates.ts';
import { townMatchesPostcode } from '#domain/data/postcodes.ts';
import { ruleOn } from '#domain/rules/dated.ts';
import { doctorDistance } from '#domain/rules/doctor.ts';
import { moveReporting } from '#domain/rules/moving.ts';
import { toPayload } from '../engine/payload.ts';
import { validatePayload } from '../engine/validate.ts';
import type { FieldError, FormDefinition } from '../engine/types.ts';

const languages = ['da', 'en'] as const;
const digitalIdFormIds = defaultConfig.services.filter((s) => s.group === 'digital-id' && formIds.includes(s.id)).map((s) => s.id);
const locale = (lang: string, ns: string) =>
  JSON.parse(readFileSync(new URL(`../../../locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** Whether an i18n key ("ns:a.b") has text in a language. */
function has(lang: string, key: string): boolean {
  const [ns, path] = key.split(':');
  let node: unknown = locale(lang, ns!);
  for (const part of path!.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' && node.trim() !== '';
}

describe.each(currentForms.map((f) => [f.id, f] as const))('form %s', (id, form) => {
  const example = examplePayloads[id]!;

  it('accepts a complete example', () => {
    expect(validateRequest(form.type, form.schemaVersion, example)).toEqual({ ok: true, data: example });
  });

  it.each(form.steps.flatMap((s) => s.fields).filter((f) => f.required && f.name in example).map((f) => f.name))(
    'rejects the example without the required field %s',
    (name) => {
      const { [name]: _dropped, ...rest } = example;
      const result = validateRequest(form.type, form.schemaVersion, rest);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.some((e) => e.path === name || e.path.startsWith(`${name}.`))).toBe(true);
    },
  );

  it.each(languages)('has every text in %s, error messages included', (lang) => {
    const keys = [titleKey(form), ...form.steps.map((s) => stepTitleKey(form, s))];
    keys.push(...form.steps.flatMap((s) => (s.introKeys ?? []).map((k) => resolveKey(form, k))));
    keys.push(...form.steps.flatMap((s) => (s.introListKeys?.(new Date()) ?? []).map((k) => resolveKey(form, k))));
    keys.push(...(form.receiptKeys ?? []).map((k) => resolveKey(form, k)));
    for (const field of allFields(form.steps.flatMap((s) => s.fields))) {
      keys.push(labelKey(form, field));
      const hint = hintKey(form, field);
      if (hint) keys.push(hint);
      for (const o of field.options ?? []) keys.push(optionKey(form, field, o.value));
      if (field.kind === 'group') keys.push(labelKey(form, field).replace(/\.label$/, '.row'));
      if (field.kind === 'address') {
        for (const [part, codes] of Object.entries(errorCodesByAddressPart)) keys.push(...codes.map((c) => errorKey('address', c, part)));
      }
      keys.push(...errorCodesByKind[field.kind].map((c) => errorKey(field.kind, c)));
      keys.push(...Object.values(field.errorKeys ?? {}).map((k) => resolveKey(form, k)));
      if (field.unitKey) keys.push(resolveKey(form, field.unitKey));
    }
    expect(keys.filter((k) => !has(lang, k))).toEqual([]);
  });
});

describe('forms', () => {
  it('keep the names of their fields unique, so that answers and element ids do not collide', () => {
    for (const form of currentForms) {
      const names = allFields(form.steps.flatMap((s) => s.fields)).map((f) => f.name);
      expect(new Set(names).size, form.id).toBe(names.length);
    }
  });

  it('are listed in the catalogue that the start screen uses without loading them, or as staff-only forms', () => {
    expect([...formIds, ...staffOnlyFormIds].sort()).toEqual(currentForms.map((f) => f.id).sort());
    expect(formIds.filter((id) => staffOnlyFormIds.includes(id))).toEqual([]);
    expect([...infoPageIds].sort()).toEqual(infoPages.map((p) => p.id).sort());
  });

  it('exist for every service of the without-digital-id group in the default configuration', () => {
    const services = defaultConfig.services.filter((s) => s.group === 'without-digital-id').map((s) => s.id);
    expect(services.filter((id) => !formIds.includes(id) && !infoPageIds.includes(id))).toEqual([]);
  });

  it('are each a service of the default configuration, so that the kiosk can open them', () => {
    const services = defaultConfig.services.map((s) => s.id);
    expect([...formIds, ...infoPageIds].filter((id) => !services.includes(id))).toEqual([]);
  });

  it('write no digit in the information and receipt texts of a digital-ID form: numbers come from rule data', () => {
    // Interpolated values ({{phone}}) are filled from src/domain/rules; a literal here would go stale.
    // Field texts may show how to type a number ("for example 12 34 56 78"), as the shared hints do.
    for (const id of digitalIdFormIds) {
      for (const lang of languages) {
        const { fields: _fields, ...texts } = locale(lang, `form-${id}`);
        expect(JSON.stringify(texts), `${lang} ${id}`).not.toMatch(/\d/);
      }
    }
  });

  it('ask which digital ID first, then give only the numbers that block it, from the rule data in force', () => {
    const form = currentForms.find((f) => f.id === 'block-digital-id')!;
    expect(form.steps[0]!.fields.map((f) => f.name)).toEqual(['scheme']);
    const callNow = form.steps[1]!;
    expect(callNow.fields).toEqual([]);
    const lines = blockingLines.at(-1)!.value;
    expect(callNow.introValues?.(new Date(), { scheme: 'nemid' })).toMatchObject({ context: 'nemid', citizen: lines.citizen.phone, business: lines.business.phone });
    expect(callNow.introValues?.(new Date(), { scheme: 'mitid' })).toMatchObject({ context: 'mitid' });
    for (const lang of languages) {
      const texts = locale(lang, 'form-block-digital-id') as Record<string, string> & { receipt: Record<string, string> };
      // The MitID text names no NemID number and the NemID text no MitID number.
      for (const text of [texts.callNow_mitid!, texts.receipt.callNow_mitid!]) expect(text).not.toMatch(/\{\{(citizen|business)\}\}/);
      for (const text of [texts.callNow_nemid!, texts.receipt.callNow_nemid!]) expect(text).not.toContain('{{mitid}}');
      expect(texts.callNow_mitid).toContain('{{mitid}}');
      expect(texts.callNow_nemid).toContain('{{citizen}}');
    }
  });

  it('offer only the schemes the municipality has switched on (on a day NemID still existed)', () => {
    const scheme = currentForms.find((f) => f.id === 'block-digital-id')!.steps[0]!.fields.find((f) => f.name === 'scheme')!;
    const config = { ...defaultConfig, schemes: { nemid: false, mitid: true } } as unknown as MunicipalityConfig;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-06-01T10:00:00Z'));
    try {
      expect(offeredOptions(scheme, config).map((o) => o.value)).toEqual(['mitid']);
      expect(offeredOptions(scheme, { ...config, schemes: { nemid: true, mitid: false } }).map((o) => o.value)).toEqual(['nemid']);
      expect(offeredOptions(scheme).map((o) => o.value)).toEqual(['nemid', 'mitid']);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each(['block-digital-id', 'complaint', 'get-digital-id'])('%s: configuration never offers NemID after it closed', (id) => {
    const scheme = currentForms.find((f) => f.id === id)!.steps[0]!.fields.find((f) => f.name === 'scheme')!;
    const config = { ...defaultConfig, schemes: { nemid: true, mitid: true } } as unknown as MunicipalityConfig;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // The day NemID closed (ordering had ended on 30 May 2023).
      vi.setSystemTime(new Date('2023-10-31T10:00:00Z'));
      expect(offeredOptions(scheme, config).map((o) => o.value)).toEqual(['mitid']);
      // The day before, NemID still existed and the configuration decides.
      vi.setSystemTime(new Date('2023-05-30T10:00:00Z'));
      expect(offeredOptions(scheme, config).map((o) => o.value).sort()).toEqual(['mitid', 'nemid']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hand out at most the number of extra key cards of the rule data, in the key-card kinds of the rule data', () => {
    const form = currentForms.find((f) => f.id === 'extra-key-cards')!;
    const max = extraKeyCardsAtCounter.at(-1)!.value;
    const base = examplePayloads['extra-key-cards']!;
    expect(validateRequest(form.type, 1, { ...base, count: max }).ok).toBe(true);
    expect(validateRequest(form.type, 1, { ...base, count: max + 1 }).ok).toBe(false);
    expect(validateRequest(form.type, 1, { ...base, count: 0 }).ok).toBe(false);
    expect(validateRequest(form.type, 1, { ...base, print: 'voice-response' }).ok).toBe(false);
    expect(form.steps[0]!.introValues?.(new Date(), {})).toEqual({ max: String(max) });
  });

  it('ask for a Danish phone number with voice response only, and no key card for a password alone', () => {
    const form = currentForms.find((f) => f.id === 'lost-key-card')!;
    const base = examplePayloads['lost-key-card']!;
    expect(validateRequest(form.type, 1, { ...base, voicePhone: '+4612345678' })).toEqual({ ok: false, errors: [{ path: 'voicePhone', code: 'format' }] });
    expect(validateRequest(form.type, 1, { ...base, keyCard: 'large-print', voicePhone: undefined }).ok).toBe(true);
    expect(validateRequest(form.type, 1, { which: 'password', name: 'Karen Hansen', cpr: '0101901234' }).ok).toBe(true);
  });

  it('show where a complaint goes from the rule data in force', () => {
    const form = currentForms.find((f) => f.id === 'complaint')!;
    const recipient = complaintRecipient.at(-1)!.value;
    const t = (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values)}`;
    const texts = receiptTexts(form, t, new Date()).join(' ');
    for (const part of [recipient.name, recipient.phone, recipient.email, ...recipient.postalAddress]) expect(texts).toContain(part);
  });

  it('never change a shipped version: each version number appears once per form', () => {
    for (const versions of formVersions) {
      const numbers = versions.map((f) => f.schemaVersion);
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });

  it('list the Digital Post exemption grounds of the rule data in force', () => {
    const form = currentForms.find((f) => f.id === 'digital-post-exemption')!;
    const keys = form.steps.flatMap((s) => s.introListKeys?.(new Date()) ?? []);
    expect(keys).toEqual(digitalPostExemption.at(-1)!.value.grounds.map((g) => `rules:${g.labelKey}`));
  });

  it('give an address on an information page only with a public source, its date and a real postcode', () => {
    const addresses = infoPages.flatMap((p) => p.addresses);
    expect(addresses.length).toBeGreaterThan(0);
    for (const a of addresses) {
      expect(a.source).toMatch(/https:\/\//);
      expect(isIsoDate(a.asOf)).toBe(true);
      const [, postcode = '', town = ''] = /^(\d{4}) (.+)$/.exec(a.lines.at(-1)!) ?? [];
      expect(townMatchesPostcode(postcode, town), a.lines.join(', ')).toBe(true);
      for (const lang of languages) expect(has(lang, a.nameKey), `${lang} ${a.nameKey}`).toBe(true);
    }
  });

  it('have the texts of the information pages in both languages', () => {
    for (const page of infoPages) {
      for (const lang of languages) for (const p of page.paragraphKeys) expect(has(lang, `info-pages:${page.id}.${p}`), `${lang} ${page.id}.${p}`).toBe(true);
    }
  });
});

/** The kiosk's words for an error, as the error summary shows them, in each language. */
async function messagesFor(form: FormDefinition, errors: FieldError[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const lang of languages) {
    const ns = `form-${form.id}`;
    const i18n = i18next.createInstance();
    await i18n.init({ lng: lang, resources: { [lang]: { forms: locale(lang, 'forms'), [ns]: locale(lang, ns) } }, interpolation: { escapeValue: false } });
    out[lang] = errors.map((e) => errorMessage(i18n.t.bind(i18n) as never, form, e, lang));
  }
  return out;
}

const versionsOf = (id: string) => formVersions.find((v) => v[0]!.id === id)!;
const today = new Date();
const day = calendarDate(today);

describe('version 2 of the older forms: checks a caseworker would otherwise bounce', () => {
  it('keeps version 1 of each, so that a request queued before the change still validates', () => {
    for (const id of ['change-of-address', 'housing-benefit', 'holiday-pay', 'digital-post-read-access', 'power-of-attorney']) {
      expect(versionsOf(id).map((f) => f.schemaVersion).slice(0, 2), id).toEqual([1, 2]);
      expect(currentForms.find((f) => f.id === id)?.schemaVersion, id).toBe(versionsOf(id).at(-1)!.schemaVersion);
    }
  });

  describe('holiday pay', () => {
    const [v1, v2] = versionsOf('holiday-pay') as [FormDefinition, FormDefinition];
    const { signature: _signature, ...asV1 } = shippedExamples['holiday-pay']!;
    const backwards = { ...asV1, periodFrom: '2026-07-07', periodTo: '2026-07-01' };

    it('accepts under v1 a period that ends before it starts, and refuses it under v2 on the end date', async () => {
      expect(validateRequest(v1.type, 1, backwards)).toEqual({ ok: true, data: backwards });
      expect(validateRequest(v2.type, 2, { ...backwards, signature: shippedExamples['holiday-pay']!.signature })).toEqual({
        ok: false,
        errors: [{ path: 'periodTo', code: 'notEligible' }],
      });
      const errors = validatePayload(v2, backwards);
      const messages = await messagesFor(v2, errors.filter((e) => e.code === 'notEligible'));
      expect(messages.da).toEqual(['Perioden skal slutte på sin første dag eller senere. Den begynder tirsdag den 7. juli 2026']);
      expect(messages.en).toEqual(['The period must end on its first day or later. It starts on Tuesday, 7 July 2026']);
    });

    it('refuses under v2 more days than the period has, on the number of days', async () => {
      const tooMany = { ...shippedExamples['holiday-pay']!, days: 8 };
      expect(validateRequest(v1.type, 1, { ...asV1, days: 8 }).ok).toBe(true);
      expect(validateRequest(v2.type, 2, tooMany)).toEqual({ ok: false, errors: [{ path: 'days', code: 'notEligible' }] });
      expect(validateRequest(v2.type, 2, { ...tooMany, days: 7 }).ok).toBe(true);
      const messages = await messagesFor(v2, validatePayload(v2, tooMany));
      expect(messages.da).toEqual(['Perioden har kun 7 dage. Skriv højst 7 dage, eller tjek datoerne']);
      expect(messages.en).toEqual(['The period has only 7 days. Enter at most 7 days, or check the dates']);
    });

    it('asks v2 for a signature, which v1 did not have', () => {
      expect(validateRequest(v1.type, 1, asV1).ok).toBe(true);
      expect(validateRequest(v2.type, 2, asV1)).toEqual({ ok: false, errors: [{ path: 'signature', code: 'required' }] });
    });
  });

  describe('housing benefit', () => {
    const [v1, v2] = versionsOf('housing-benefit') as [FormDefinition, FormDefinition];
    const example = shippedExamples['housing-benefit']!;
    const { declaration: _d, signature: _s, ...asV1 } = example;
    const member = (cpr: string) => ({ memberName: 'Ole Hansen', memberCpr: cpr, memberIncome: 0 });

    it('refuses under v2 the applicant as a household member and a member listed twice, with the row in the path', async () => {
      const members = [member('0202602345'), member('0101901234'), member('0202602345')];
      expect(validateRequest(v1.type, 1, { ...asV1, othersInHome: true, members }).ok).toBe(true);
      expect(validateRequest(v2.type, 2, { ...example, othersInHome: true, members })).toEqual({
        ok: false,
        errors: [
          { path: 'members.1.memberCpr', code: 'notEligible' },
          { path: 'members.2.memberCpr', code: 'notEligible' },
        ],
      });
      const messages = await messagesFor(v2, validatePayload(v2, { ...example, othersInHome: true, members }));
      expect(messages.da).toEqual([
        'Det er dit eget CPR-nummer. Du er ansøgeren: skriv kun de personer, der bor sammen med dig (Person 2)',
        'Personen står allerede på listen. Fjern rækken, eller skriv et andet CPR-nummer (Person 3)',
      ]);
      expect(messages.en).toEqual([
        'This is your own CPR number. You are the applicant: list only the people who live with you (Person 2)',
        'This person is already on the list. Remove the row, or enter another CPR number (Person 3)',
      ]);
    });

    it('refuses under v2 a moving-in date before the applicant was born', async () => {
      expect(validateRequest(v1.type, 1, { ...asV1, movedInDate: '1985-01-01' }).ok).toBe(true);
      expect(validateRequest(v2.type, 2, { ...example, movedInDate: '1985-01-01' })).toEqual({ ok: false, errors: [{ path: 'movedInDate', code: 'notEligible' }] });
      const messages = await messagesFor(v2, validatePayload(v2, { ...example, movedInDate: '1985-01-01' }));
      expect(messages.en).toEqual(['The date you moved in is before your date of birth. Check the date']);
      expect(messages.da).toEqual(['Datoen for, hvornår du flyttede ind, er før din fødselsdato. Tjek datoen']);
    });

    it('says on the receipt from when benefit can be paid, by the moving-in date and the rule data', () => {
      const t = (key: string, o?: Record<string, unknown>) => `${key}|${String(o?.context)}`;
      const on = (days: number) => receiptTexts(v2, t, today, { ...example, movedInDate: addDays(day, days) });
      expect(on(3)).toEqual(['form-housing-benefit:receipt.start|before']);
      expect(on(-30)).toEqual(['form-housing-benefit:receipt.start|inTime']);
      expect(on(-31)).toEqual(['form-housing-benefit:receipt.start|late']);
    });

    it('keeps rent and incomes in range: rent at least 1 krone, no negative income', () => {
      expect(validateRequest(v2.type, 2, { ...example, rent: 0 })).toEqual({ ok: false, errors: [{ path: 'rent', code: 'range' }] });
      expect(validateRequest(v2.type, 2, { ...example, income: -1 })).toEqual({ ok: false, errors: [{ path: 'income', code: 'range' }] });
    });
  });

  describe('change of address', () => {
    const [v1, v2] = versionsOf('change-of-address') as [FormDefinition, FormDefinition];
    const example = examplePayloads['change-of-address']!;
    const { earliestDaysBefore, latestDaysAfter } = ruleOn(moveReporting, today);
    const asV1 = { ...(({ doctorFar: _f, declaration: _d, signature: _s, ...rest }) => rest)(example), newDoctor: true };

    it('refuses under v2 a moving date further ahead than the rule allows, and says from when the move can be reported', async () => {
      const tooFar = addDays(day, earliestDaysBefore + 1);
      expect(validateRequest(v1.type, 1, { ...asV1, movingDate: tooFar }).ok).toBe(true);
      expect(validateRequest(v2.type, 2, { ...example, movingDate: tooFar })).toEqual({ ok: false, errors: [{ path: 'movingDate', code: 'notEligible' }] });
      expect(validateRequest(v2.type, 2, { ...example, movingDate: addDays(day, earliestDaysBefore) }).ok).toBe(true);
      const [error] = validatePayload(v2, { ...example, movingDate: tooFar });
      expect(error?.values).toMatchObject({ context: 'tooEarly', days: String(earliestDaysBefore), date: addDays(day, 1) });
      const messages = await messagesFor(v2, [error!]);
      expect(messages.da[0]).toMatch(new RegExp(`^Du kan tidligst melde flytningen ${earliestDaysBefore} dage før flyttedatoen, det vil sige fra \\S+ den `));
      expect(messages.en[0]).toMatch(new RegExp(`^You can report the move at the earliest ${earliestDaysBefore} days before the moving date, that is from \\w+, `));
    });

    it('accepts a late report, and the receipt says the municipality can give a fine', () => {
      const late = addDays(day, -(latestDaysAfter + 1));
      expect(validateRequest(v2.type, 2, { ...example, movingDate: late }).ok).toBe(true);
      const t = (key: string, o?: Record<string, unknown>) => `${key}|${String(o?.context)}|${String(o?.days)}`;
      expect(receiptTexts(v2, t, today, { ...example, movingDate: late })).toEqual([`form-change-of-address:receipt.deadline|late|${latestDaysAfter}`]);
      expect(receiptTexts(v2, t, today, { ...example, movingDate: addDays(day, -latestDaysAfter) })).toEqual([`form-change-of-address:receipt.deadline|onTime|${latestDaysAfter}`]);
    });

    it('refuses under v2 the citizen\'s own CPR number among the people moving along', () => {
      const movers = [{ moverName: 'Karen Hansen', moverCpr: '0101901234' }];
      expect(validateRequest(v1.type, 1, { ...asV1, movers }).ok).toBe(true);
      expect(validateRequest(v2.type, 2, { ...example, movers })).toEqual({ ok: false, errors: [{ path: 'movers.0.moverCpr', code: 'notEligible' }] });
    });

    it('asks about the doctor by the distance limit of the new postcode, and only then for the choice', () => {
      const copenhagen = { street: 'Jagtvej', number: '1', postcode: '2200', town: 'København N' };
      const answers: Record<string, unknown> = { ...example, newAddress: copenhagen };
      // In the capital area the 5 km question is asked, not the 15 km one.
      expect(validateRequest(v2.type, 2, answers)).toEqual({
        ok: false,
        errors: [
          { path: 'doctorFar', code: 'notAllowed' },
          { path: 'doctorFarCapital', code: 'required' },
        ],
      });
      const { doctorFar: _f, ...rest } = answers;
      expect(validateRequest(v2.type, 2, { ...rest, doctorFarCapital: true }).ok).toBe(true);
      // Not far: no choice of doctor is asked or accepted.
      const { doctorChoice: _c, ...near } = example;
      expect(validateRequest(v2.type, 2, { ...near, doctorFar: false }).ok).toBe(true);
      expect(validateRequest(v2.type, 2, { ...example, doctorFar: false })).toEqual({ ok: false, errors: [{ path: 'doctorChoice', code: 'notAllowed' }] });
      // The screen drops the question that does not apply when the postcode changes.
      expect(toPayload(v2, { doctorFar: 'yes', doctorChoice: 'nearest', newAddress: copenhagen })).toEqual({ newAddress: copenhagen });
    });

    it('names the distance of the rule data in each question and in the step text, in both languages', () => {
      const rule = ruleOn(doctorDistance, today);
      for (const lang of languages) {
        const fields = (locale(lang, 'form-change-of-address').fields ?? {}) as Record<string, { label: string }>;
        expect(fields.doctorFar!.label).toContain(`${rule.km} km`);
        expect(fields.doctorFarCapital!.label).toContain(`${rule.capitalAreaKm} km`);
      }
      const step = v2.steps.find((s) => s.id === 'doctor')!;
      expect(step.introValues?.(today, { newAddress: { postcode: '2000' } })).toEqual({ km: String(rule.capitalAreaKm), postcode: '2000' });
      expect(step.introValues?.(today, { newAddress: { postcode: '8000' } })).toEqual({ km: String(rule.km), postcode: '8000' });
    });
  });

  describe.each([
    ['digital-post-read-access', 'readerCpr', 'This is your own CPR number. Enter the CPR number of the person who is to read your post', 'Det er dit eget CPR-nummer. Skriv CPR-nummeret på den person, der skal læse din post'],
    ['power-of-attorney', 'attorneyCpr', 'This is your own CPR number. Enter the CPR number of the person who is to act for you', 'Det er dit eget CPR-nummer. Skriv CPR-nummeret på den person, der skal handle for dig'],
  ])('%s', (id, field, en, da) => {
    it(`accepts under v1 the citizen's own CPR number as ${field}, and refuses it under v2`, async () => {
      const [v1, v2] = versionsOf(id) as [FormDefinition, FormDefinition];
      const self = { ...shippedExamples[id]!, [field]: '0101901234' };
      expect(validateRequest(v1.type, 1, self)).toEqual({ ok: true, data: self });
      expect(validateRequest(v2.type, 2, self)).toEqual({ ok: false, errors: [{ path: field, code: 'notEligible' }] });
      expect(await messagesFor(v2, validatePayload(v2, self))).toEqual({ da: [da], en: [en] });
    });
  });

  it('never turn a request the kiosk accepted into one the server refuses later: checks against the day only refuse the future', () => {
    // A request queued offline reaches the server days later; every v2 form must still accept it then.
    const { earliestDaysBefore } = ruleOn(moveReporting, today);
    const queued: [string, Record<string, unknown>][] = [
      ['change-of-address', { ...examplePayloads['change-of-address']!, movingDate: addDays(day, earliestDaysBefore) }],
      ['change-of-address', { ...examplePayloads['change-of-address']!, movingDate: addDays(day, -1) }],
      ...(['housing-benefit', 'holiday-pay', 'digital-post-read-access', 'power-of-attorney'] as const).map((id) => [id, examplePayloads[id]!] as [string, Record<string, unknown>]),
    ];
    for (const [id, data] of queued) {
      const form = currentForms.find((f) => f.id === id)!;
      for (const later of [0, 1, 7, 30, 400]) {
        expect(validatePayload(form, data, new Date(today.getTime() + later * 86_400_000)), `${id} after ${later} days`).toEqual([]);
      }
    }
  });
});
