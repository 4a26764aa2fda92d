import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every text the kiosk shows comes from locales/<lang>/<namespace>.json (src/app/shared/i18n.ts).
const root = new URL('../../locales/', import.meta.url);
const languages = ['da', 'en'];

/** Flattens a namespace to its keys; i18next plural forms (_one, _other) count as one key. */
function keys(lang: string): Set<string> {
  const out = new Set<string>();
  for (const file of readdirSync(new URL(`${lang}/`, root)).filter((f) => f.endsWith('.json'))) {
    const walk = (node: unknown, prefix: string): void => {
      if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
      } else {
        expect(typeof node, `${lang}/${file}: ${prefix} must be text`).toBe('string');
        expect((node as string).trim(), `${lang}/${file}: ${prefix} is empty`).not.toBe('');
        out.add(`${file.replace('.json', '')}:${prefix.replace(/_(zero|one|two|few|many|other)$/, '')}`);
      }
    };
    walk(JSON.parse(readFileSync(new URL(`${lang}/${file}`, root), 'utf8')), '');
  }
  return out;
}

describe('translations', () => {
  it('have the same keys in Danish and English', () => {
    const [da, en] = languages.map(keys);
    expect([...da].filter((k) => !en.has(k)), 'only in Danish').toEqual([]);
    expect([...en].filter((k) => !da.has(k)), 'only in English').toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (lang: string) => {
      const map = new Map<string, string>();
      for (const file of readdirSync(new URL(`${lang}/`, root))) {
        const text = readFileSync(new URL(`${lang}/${file}`, root), 'utf8');
        for (const [, key, value] of text.matchAll(/"([^"]+)":\s*"([^"]*)"/g)) {
          map.set(`${file}:${key}`, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(','));
        }
      }
      return map;
    };
    const da = vars('da');
    const en = vars('en');
    const differing = [...da].filter(([k, v]) => en.has(k) && en.get(k) !== v).map(([k]) => k);
    expect(differing).toEqual([]);
  });
});
