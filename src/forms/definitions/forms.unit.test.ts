import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../index.ts';
import { validateRequest } from '../registry.ts';
import { currentForms, formVersions } from './index.ts';
import { examplePayloads } from './examples.ts';
import { formIds, infoPageIds } from '../catalog.ts';
import { infoPages } from './info-pages.ts';
import { allFields } from '../engine/display.ts';
import { errorCodesByAddressPart, errorCodesByKind, errorKey, hintKey, labelKey, optionKey, resolveKey, stepTitleKey, titleKey } from '../engine/keys.ts';
import { digitalPostExemption } from '../../domain/rules/digital-post.ts';
import { blockingLines, complaintRecipient } from '../../domain/rules/contacts.ts';
import { extraKeyCardsAtCounter } from '../../domain/rules/key-cards.ts';
import type { MunicipalityConfig } from '../../config/schema.ts';
import { offeredOptions } from '../engine/conditions.ts';
import { receiptTexts } from '../engine/display.ts';
import defaultConfig from '../../config/municipality.default.json' with { type: 'json' };

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

  it('are listed in the catalogue that the start screen uses without loading them', () => {
    expect([...formIds].sort()).toEqual(currentForms.map((f) => f.id).sort());
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

  it('offer only the schemes the municipality has switched on', () => {
    const scheme = currentForms.find((f) => f.id === 'block-digital-id')!.steps[0]!.fields.find((f) => f.name === 'scheme')!;
    const config = { ...defaultConfig, schemes: { nemid: false, mitid: true } } as unknown as MunicipalityConfig;
    expect(offeredOptions(scheme, config).map((o) => o.value)).toEqual(['mitid']);
    expect(offeredOptions(scheme, { ...config, schemes: { nemid: true, mitid: false } }).map((o) => o.value)).toEqual(['nemid']);
    expect(offeredOptions(scheme).map((o) => o.value)).toEqual(['nemid', 'mitid']);
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

  it('have the texts of the information pages in both languages', () => {
    for (const page of infoPages) {
      for (const lang of languages) for (const p of page.paragraphKeys) expect(has(lang, `info-pages:${page.id}.${p}`), `${lang} ${page.id}.${p}`).toBe(true);
    }
  });
});
