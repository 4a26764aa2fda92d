import { translate, type Options, type Texts } from './start-translate.ts';

/**
 * All text comes from locales/<lang>/<namespace>.json; the file name is the namespace
 * (t('start:title')). Both languages are bundled: they are small, and a kiosk must switch
 * language instantly and offline.
 *
 * The start screen's texts are translated by start-translate.ts; i18next (and every other
 * namespace) is loaded with loadAllNamespaces(), the first time a citizen leaves the start screen
 * (and before staff mode or the back office mount), and translates from then on.
 */
export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];

// The start screen's namespaces are bundled; the rest (forms, guides, set-up, staff …) are loaded
// the first time a citizen leaves the start screen, so that the start screen's JavaScript stays small.
const startNamespaces = import.meta.glob<Record<string, unknown>>('/locales/*/{common,start,services,speech}.json', {
  eager: true,
  import: 'default',
});
const laterNamespaces = import.meta.glob<Record<string, unknown>>(
  ['/locales/*/*.json', '!/locales/*/{common,start,services,speech}.json'],
  { import: 'default' },
);

/** "/locales/da/start.json" → ["da", "start"] */
function languageAndNamespace(path: string): [Language, string] {
  const [, , lang, file] = path.split('/');
  return [lang as Language, file.replace(/\.json$/, '')];
}

/** Every namespace loaded so far, by language. */
const texts: Texts = { da: {}, en: {} };
for (const [path, content] of Object.entries(startNamespaces)) {
  const [lang, ns] = languageAndNamespace(path);
  texts[lang]![ns] = content;
}

/** Marks a key missing in both languages so that tests can find it on screen. */
export const MISSING_KEY_MARK = '⟦';
const missing = (key: string) => `${MISSING_KEY_MARK}${key}⟧`;

type Lookup = (lng: Language, key: string, options?: Options) => string;
let lookup: Lookup = (lng, key, options) => translate(texts, lng, key, options, missing);
/** i18next's instance once loaded: namespaces added later go to it as well. */
let full: typeof import('i18next').default | undefined;

/** Adds a namespace that a component brings with it (the help button's texts), in one language. */
export function addNamespace(lang: string, ns: string, content: Record<string, unknown>): void {
  texts[lang] ??= {};
  texts[lang][ns] ??= content;
  if (full && !full.hasResourceBundle(lang, ns)) full.addResourceBundle(lang, ns, content, true, true);
}

let allLoaded: Promise<void> | undefined;

/** Loads i18next and every other namespace in both languages (once); screens beyond the start screen wait for it. */
export function loadAllNamespaces(): Promise<void> {
  allLoaded ??= (async () => {
    const [{ default: i18next }] = await Promise.all([
      import('i18next'),
      ...Object.entries(laterNamespaces).map(async ([path, load]) => {
        const [lang, ns] = languageAndNamespace(path);
        texts[lang]![ns] ??= await load();
      }),
    ]);
    await i18next.init({
      lng: 'da',
      fallbackLng: 'da',
      supportedLngs: [...languages],
      defaultNS: 'common',
      ns: Object.keys(texts.da!),
      resources: texts,
      interpolation: { escapeValue: false }, // Svelte escapes what it renders.
      returnNull: false,
      parseMissingKeyHandler: missing,
    });
    full = i18next;
    const fixed = { da: i18next.getFixedT('da'), en: i18next.getFixedT('en') };
    lookup = (lng, key, options) => fixed[lng](key, options) as string;
  })();
  return allLoaded;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A translate function bound to one language. */
export function translator(lng: Language): Translate {
  return (key, options) => lookup(lng, key, options);
}
