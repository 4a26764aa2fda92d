import { describe, expect, it } from 'vitest';
import '../index.ts';
import { validateRequest } from '../registry.ts';
import { formVersions } from '../definitions/index.ts';
import { examplePayloads } from '../definitions/fixtures/examples.ts';
import { shippedExamples } from '../definitions/fixtures/examples.shipped.ts';
import { firstVersionExamples } from '../definitions/fixtures/examples.v1.ts';
import { allFields } from './display.ts';
import { answerTexts, labelledAnswers, requestTitle } from './labelled-answers.ts';
import type { FormDefinition } from './types.ts';

// The payloads a caseworker may receive for a version: every example that version accepts.
const examplesFor = (form: FormDefinition) =>
  [examplePayloads[form.id], shippedExamples[form.id], firstVersionExamples[form.id]].filter((data) => data && validateRequest(form.type, form.schemaVersion, data).ok);

// What a text must never be: a key ("fields.x.label", "form-x:…"), a camelCase field name, or an option code.
function rawTexts(form: FormDefinition, texts: string[]): string[] {
  const names = new Set(allFields(form.steps.flatMap((s) => s.fields)).map((f) => f.name));
  const codes = new Set(allFields(form.steps.flatMap((s) => s.fields)).flatMap((f) => (f.options ?? []).map((o) => o.value)));
  return texts.filter(
    (text) =>
      /[a-z-]+:[\w.]+/.test(text) && !/\d:\d/.test(text) ||
      /\bfields\.|\.label\b|\.options\./.test(text) ||
      /\b[a-z]+[A-Z]\w*\b/.test(text) ||
      names.has(text) ||
      (codes.has(text) && !/^\d+$/.test(text)),
  );
}

describe('answers in the reader’s language', () => {
  const versions = formVersions.flat();

  it.each(versions.map((f) => [`${f.type} v${f.schemaVersion}`, f] as const))('%s has an example to read', (_, form) => {
    expect(examplesFor(form).length).toBeGreaterThan(0);
  });

  for (const language of ['da', 'en'] as const) {
    it.each(versions.map((f) => [`${f.type} v${f.schemaVersion}`, f] as const))(`%s reads in ${language} with no key, code or field name`, (_, form) => {
      for (const data of examplesFor(form)) {
        const sections = labelledAnswers(form.type, form.schemaVersion, data, language)!;
        expect(sections.length).toBeGreaterThan(0);
        const texts = answerTexts(sections);
        expect(rawTexts(form, texts)).toEqual([]);
        expect(requestTitle(form.type, language)).not.toBe(form.type);
      }
    });
  }

  it('shows a change of address as a Danish caseworker reads it', () => {
    const data = examplePayloads['change-of-address']!;
    const texts = answerTexts(labelledAnswers('change-of-address', 2, data, 'da')!);
    expect(texts).toContain('010190-1234');
    expect(texts).toContain('150515-2345');
    expect(texts).toContain('Ja');
    expect(texts).toContain('Østergade 12, 2 th');
    expect(texts.some((t) => /1\. december 2026/.test(t))).toBe(true);
    expect(texts).not.toContain('nearest');
  });

  it('lists the people moving along as titled sub-lists', () => {
    const sections = labelledAnswers('change-of-address', 2, examplePayloads['change-of-address'], 'da')!;
    const movers = sections.flatMap((s) => s.answers).find((a) => a.rows);
    expect(movers?.rows?.[0]?.answers.map((a) => a.lines[0])).toEqual(['Ida Hansen', '150515-2345']);
    expect(movers?.rows?.[0]?.title).toMatch(/1$/);
  });

  it('writes phone numbers in pairs', () => {
    const form = versions.find((f) => allFields(f.steps.flatMap((s) => s.fields)).some((x) => x.kind === 'phone' && !x.showIf))!;
    const field = allFields(form.steps.flatMap((s) => s.fields)).find((x) => x.kind === 'phone' && !x.showIf)!;
    const data = { ...examplesFor(form)[0], [field.name]: '12345678' };
    expect(answerTexts(labelledAnswers(form.type, form.schemaVersion, data, 'da')!)).toContain('12 34 56 78');
  });

  it('gives nothing for a type or version no form defines, so the raw answers are shown', () => {
    expect(labelledAnswers('device-test', 1, { a: 1 }, 'da')).toBeUndefined();
    expect(labelledAnswers('change-of-address', 99, {}, 'da')).toBeUndefined();
    expect(labelledAnswers('change-of-address', 2, 'text', 'da')).toBeUndefined();
  });
});
