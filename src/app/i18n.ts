import i18next from 'i18next';

/**
 * All text comes from locales/<lang>/<namespace>.json; the file name is the namespace
 * (t('start:title')). Both languages are bundled: they are small, and a kiosk must switch
 * language instantly and offline.
 */
export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];

const files = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', { eager: true, import: 'default' });

export function localeResources(): Record<Language, Record<string, Record<string, unknown>>> {
  const resources = { da: {}, en: {} } as Record<Language, Record<string, Record<string, unknown>>>;
  for (const [path, content] of Object.entries(files)) {
    const [, , lang, file] = path.split('/');
    resources[lang as Language][file.replace(/\.json$/, '')] = content;
  }
  return resources;
}

/** Marks a key missing in both languages so that tests can find it on screen. */
export const MISSING_KEY_MARK = '⟦';

export async function initI18n(): Promise<void> {
  await i18next.init({
    lng: 'da',
    fallbackLng: 'da',
    supportedLngs: [...languages],
    defaultNS: 'common',
    ns: Object.keys(localeResources().da),
    resources: localeResources(),
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
