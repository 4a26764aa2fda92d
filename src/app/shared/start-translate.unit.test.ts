import { readFileSync, readdirSync } from 'node:fs';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate, type Texts } from './start-translate.ts';

// The start screen's namespaces (i18n.ts) and the help button's, which it brings along.
const START = ['common', 'start', 'services', 'speech', 'counter'];
const LANGUAGES = ['da', 'en'] as const;
const missing = (key: string) => `⟦${key}⟧`;

function load(lang: string, ns: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../locales/${lang}/${ns}.json`, import.meta.url), 'utf8'));
}

const texts: Texts = Object.fromEntries(LANGUAGES.map((lang) => [lang, Object.fromEntries(START.map((ns) => [ns, load(lang, ns)]))]));
// Keys present only in Danish show the fallback; one key only in English would be a locale bug.
texts.en!.start = { ...(texts.en!.start as Record<string, unknown>) };
delete (texts.en!.start as Record<string, unknown>).title;

/** Every leaf key of a namespace, plural suffixes removed (the translator picks them by count). */
function keys(node: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`],
  );
}

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'da',
    fallbackLng: 'da',
    supportedLngs: [...LANGUAGES],
    defaultNS: 'common',
    ns: START,
    resources: structuredClone(texts),
    interpolation: { escapeValue: false },
    returnNull: false,
    parseMissingKeyHandler: missing,
  });
});

// Every option the start screen's texts take, with values that show a wrong substitution.
const OPTIONS = [undefined, { name: 'Aarhus', opens: '8:00', closes: '15:30', date: '1. maj', max: 7, min: 2, phone: '70 20 20 20', price: '0 kr.' }, { count: 1 }, { count: 2 }, { count: 0 }, { context: 'mitid' }, { context: 'mitid', count: 1 }];

describe('the start screen translator', () => {
  for (const lang of LANGUAGES) {
    it(`gives i18next's text for every key of the start screen's namespaces in ${lang}`, () => {
      const t = i18n.getFixedT(lang);
      let compared = 0;
      for (const ns of START) {
        for (const key of new Set(keys(texts.da![ns] as Record<string, unknown>))) {
          for (const options of OPTIONS) {
            const full = `${ns}:${key}`;
            expect(translate(texts, lang, full, options, missing), `${lang} ${full} ${JSON.stringify(options)}`).toBe(t(full, options));
            if (ns === 'common') expect(translate(texts, lang, key, options, missing)).toBe(t(key, options));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(100);
    });
  }

  it('marks a missing key as i18next does, and falls back to Danish for a key missing in English', () => {
    const en = i18n.getFixedT('en');
    for (const key of ['start:nothing.here', 'nothing', 'nowhere:thing', 'start:title']) {
      expect(translate(texts, 'en', key, undefined, missing)).toBe(en(key));
    }
    expect(translate(texts, 'en', 'start:title', undefined, missing)).toBe(translate(texts, 'da', 'start:title', undefined, missing));
  });

  it('covers every namespace i18n.ts bundles for the start screen', () => {
    const source = readFileSync(new URL('./i18n.ts', import.meta.url), 'utf8');
    const bundled = /\/locales\/\*\/\{([\w,]+)\}\.json/.exec(source)![1]!.split(',');
    expect(START).toEqual(expect.arrayContaining(bundled));
    expect(readdirSync(new URL('../../../locales/da/', import.meta.url))).toEqual(expect.arrayContaining(START.map((ns) => `${ns}.json`)));
  });
});
