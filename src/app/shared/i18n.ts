import i18next from 'i18next';

/**
 * All text comes from locales/<lang>/<namespace>.json; the file name is the namespace
 * (t('start:title')). Both languages are bundled: they are small, and a kiosk must switch
 * language instantly and offline.
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

function startResources(): Record<Language, Record<string, Record<string, unknown>>> {
  const resources = { da: {}, en: {} } as Record<Language, Record<string, Record<string, unknown>>>;
  for (const [path, content] of Object.entries(startNamespaces)) {
    const [lang, ns] = languageAndNamespace(path);
    resources[lang][ns] = content;
  }
  return resources;
}

let allLoaded: Promise<void> | undefined;

/** Loads every other namespace in both languages (once); screens beyond the start screen wait for it. */
export function loadAllNamespaces(): Promise<void> {
  allLoaded ??= Promise.all(
    Object.entries(laterNamespaces).map(async ([path, load]) => {
      const [lang, ns] = languageAndNamespace(path);
      i18next.addResourceBundle(lang, ns, await load(), true, true);
    }),
  ).then(() => undefined);
  return allLoaded;
}

/** Marks a key missing in both languages so that tests can find it on screen. */
export const MISSING_KEY_MARK = '⟦';

export async function initI18n(): Promise<void> {
  await i18next.init({
    lng: 'da',
    fallbackLng: 'da',
    supportedLngs: [...languages],
    defaultNS: 'common',
    ns: Object.keys(startResources().da),
    resources: startResources(),
    interpolation: { escapeValue: false }, // Svelte escapes what it renders.
    returnNull: false,
    parseMissingKeyHandler: (key) => `${MISSING_KEY_MARK}${key}⟧`,
  });
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A translate function bound to one language. */
export function translator(lng: Language): Translate {
  const t = i18next.getFixedT(lng);
  return (key, options) => t(key, options) as string;
}
