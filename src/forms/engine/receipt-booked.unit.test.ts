import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { currentForms } from '../definitions/index.ts';
import { receiptTexts } from './display.ts';

const locale = (lang: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

async function translator(lang: 'da' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { forms: locale(lang, 'forms'), 'form-book-time': locale(lang, 'form-book-time') } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n) as (key: string, values?: Record<string, unknown>) => string;
}

const form = currentForms.find((f) => f.id === 'book-time')!;
const answers = { topic: 'get-digital-id', time: '2026-12-08T10:00', name: 'Anne Jensen', phone: '12345678' };

describe('the book-time receipt', () => {
  it.each([
    ['da', /booket/, /ringer til dig/],
    ['en', /is booked/, /will call you/],
  ] as const)('in %s says a time the server holds is booked, and no longer that staff will call to confirm it', async (lang, booked, call) => {
    const t = await translator(lang);
    const held = receiptTexts(form, t, new Date('2026-12-05T09:00:00Z'), answers, lang, undefined, { name: 'booked' }).join(' ');
    expect(held).toMatch(booked);
    expect(held).not.toMatch(call);
    expect(held).toContain('10:00');
    // Sent offline, the time is a request: staff call to confirm it, or to offer another.
    const asked = receiptTexts(form, t, new Date('2026-12-05T09:00:00Z'), answers, lang).join(' ');
    expect(asked).toMatch(call);
    expect(asked).not.toMatch(booked);
  });
});
