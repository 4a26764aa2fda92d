import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../dates.ts';
import {
  allDatedRules,
  closedDayRules,
  digitalPostExemption,
  idDocuments,
  keyCardOptions,
  labelKeys,
  minimumAge,
  mitIdAuthenticators,
  nemIdTimeline,
  ruleDataProblems,
  ruleOn,
  witnessMitIdExperience,
} from './index.ts';

describe('rule data', () => {
  it.each(Object.entries(allDatedRules))('%s has sound dates and a source for every value', (_name, rules) => {
    expect(ruleDataProblems(rules)).toEqual([]);
  });

  it.each(Object.entries(allDatedRules))('%s has a value in force today', (_name, rules) => {
    expect(() => ruleOn(rules, '2026-03-10')).not.toThrow();
  });

  it('keeps both the NemID and the MitID minimum age', () => {
    expect(ruleOn(minimumAge.nemid, '2026-03-10')).toBe(15);
    expect(ruleOn(minimumAge.mitid, '2026-03-10')).toBe(13);
  });

  it('keeps NemID rules in force after the NemID shutdown, so configuration alone decides what is offered', () => {
    expect(ruleOn(minimumAge.nemid, '2030-01-01')).toBe(15);
  });

  it('changes the MitID witness experience from 10 to 30 days', () => {
    expect(ruleOn(witnessMitIdExperience, '2022-06-01')).toEqual({ days: 10, counting: 'more-than' });
    expect(ruleOn(witnessMitIdExperience, '2025-06-01')).toEqual({ days: 30, counting: 'more-than' });
  });

  it('lists six Digital Post exemption grounds', () => {
    expect(ruleOn(digitalPostExemption, '2026-03-10').grounds).toHaveLength(6);
  });
});

describe('labels', () => {
  const wording = (lang: string) => JSON.parse(readFileSync(new URL(`../../../locales/${lang}/rules.json`, import.meta.url), 'utf8'));
  const textOf = (tree: Record<string, unknown>, key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

  it('has Danish and English wording for every key', () => {
    for (const lang of ['da', 'en']) {
      const tree = wording(lang);
      for (const key of labelKeys) expect(String(textOf(tree, key) ?? '').trim(), `${lang}: ${key}`).not.toBe('');
    }
  });

  it('covers every label key the rule data uses', () => {
    const used = [
      ...Object.values(idDocuments).map((d) => d.labelKey),
      ...keyCardOptions.map((o) => o.labelKey),
      ...mitIdAuthenticators.map((a) => a.labelKey),
      ...ruleOn(digitalPostExemption, '2026-03-10').grounds.map((g) => g.labelKey),
    ];
    for (const key of used) expect(labelKeys).toContain(key);
  });
});

describe('static rule data', () => {
  it('gives every document, option and closing day a source', () => {
    const sources = [
      ...Object.values(idDocuments).map((d) => d.source),
      ...keyCardOptions.map((o) => o.source),
      ...mitIdAuthenticators.map((a) => a.source),
      ...closedDayRules.map((r) => r.source),
    ];
    for (const source of sources) expect(source.trim()).not.toBe('');
  });

  it('has valid dates in the NemID timeline, ending with the shutdown', () => {
    const milestones = Object.values(nemIdTimeline);
    for (const m of milestones) expect(isIsoDate(m.date)).toBe(true);
    expect(milestones.every((m) => m.date <= nemIdTimeline.finalShutdown.date)).toBe(true);
  });
});
