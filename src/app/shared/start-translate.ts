/**
 * The start screen's translator: the part of i18next that the start screen's texts use, so that the
 * first screen does not load i18next (about 17 KiB gzipped) before a citizen chooses anything.
 * i18n.ts hands over to i18next once the texts beyond the start screen's are loaded; a unit test
 * checks that both give the same text for every key of the start screen's namespaces.
 *
 * What it does, as i18next with this app's options: `ns:key` with `common` as the default namespace,
 * `.` into nested objects, `{{name}}` interpolation without escaping (Svelte escapes what it
 * renders), `count` choosing `key_one`/`key_other` by the language's plural rules, `context`
 * choosing `key_context`, the other language falling back to Danish, and a key missing in both
 * coming back as `⟦key⟧`.
 */
export type Texts = Record<string, Record<string, Record<string, unknown>>>;
export type Options = Record<string, unknown>;

const FALLBACK = 'da';
const DEFAULT_NS = 'common';

function lookup(texts: Texts, lng: string, ns: string, path: string): string | undefined {
  let node: unknown = texts[lng]?.[ns];
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The keys i18next tries, most specific first: context and plural suffixes, then the bare key. */
function candidates(lng: string, path: string, options: Options | undefined): string[] {
  const keys: string[] = [];
  const context = options?.context;
  const count = options?.count;
  const bases = typeof context === 'string' && context !== '' ? [`${path}_${context}`, path] : [path];
  for (const base of bases) {
    if (typeof count === 'number') keys.push(`${base}_${new Intl.PluralRules(lng).select(count)}`);
    keys.push(base);
  }
  return keys;
}

function interpolate(text: string, options: Options | undefined): string {
  // A value not given leaves its placeholder, as i18next does (skipOnVariables).
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (placeholder, name: string) => {
    const value = options?.[name];
    return value === undefined ? placeholder : String(value);
  });
}

export function translate(texts: Texts, lng: string, key: string, options: Options | undefined, missing: (key: string) => string): string {
  const colon = key.indexOf(':');
  const [ns, path] = colon >= 0 ? [key.slice(0, colon), key.slice(colon + 1)] : [DEFAULT_NS, key];
  for (const language of lng === FALLBACK ? [lng] : [lng, FALLBACK]) {
    for (const candidate of candidates(language, path, options)) {
      const text = lookup(texts, language, ns, candidate);
      if (text !== undefined) return interpolate(text, options);
    }
  }
  return missing(path);
}
