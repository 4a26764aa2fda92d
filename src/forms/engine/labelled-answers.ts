import { formVersions } from '../definitions/index.ts';
import { answerSections } from './display.ts';
import { formTranslator, type TextLanguage } from './form-texts.ts';
import { labelKey, titleKey } from './keys.ts';
import type { Answers, FieldDefinition, FormDefinition } from './types.ts';

/** One answer as a caseworker reads it: the form's own label, the value in words, one line each. */
export interface LabelledAnswer {
  label: string;
  lines: string[];
  /** A drawn signature (PNG data URL). */
  image?: string;
  /** A group's rows (people moving with the citizen), each a titled sub-list. */
  rows?: { title: string; answers: LabelledAnswer[] }[];
}

export interface LabelledSection {
  title: string;
  answers: LabelledAnswer[];
}

/**
 * The definition an envelope was filled in with: its type and schema version, never today's form,
 * so that a request queued by an older app is read with the questions the citizen was asked.
 */
function formDefinition(type: string, schemaVersion: number): FormDefinition | undefined {
  return formVersions.flat().find((f) => f.type === type && f.schemaVersion === schemaVersion);
}

/** A request type's title in the reader's language ("Flytning"); the type id when no form has it. */
export function requestTitle(type: string, language: TextLanguage): string {
  const t = formTranslator(language);
  const form = formVersions.flat().find((f) => f.type === type);
  for (const key of [`staff:types.${type}`, form ? titleKey(form) : `form-${type}:title`]) {
    const text = t(key);
    if (text !== key) return text;
  }
  return type;
}

/**
 * A payload's answers with the form's labels and option texts in the reader's language, CPR
 * numbers whole (DDMMYY-SSSS: the caseworker needs them), phones in pairs, dates as Danes write
 * them. Undefined when no shipped definition matches: the caller shows the raw answers then.
 */
export function labelledAnswers(type: string, schemaVersion: number, data: unknown, language: TextLanguage): LabelledSection[] | undefined {
  const form = formDefinition(type, schemaVersion);
  if (!form || typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const t = formTranslator(language);
  return answerSections(form, data as Answers, t, language, { fullCpr: true }).map((section) => ({
    title: section.title,
    answers: section.rows.map((row) => {
      const answer: LabelledAnswer = { label: row.label, lines: row.lines, ...(row.image ? { image: row.image } : {}) };
      const value = (data as Answers)[row.field.name];
      if (row.field.kind === 'group' && Array.isArray(value)) answer.rows = groupRows(form, row.field, value as Answers[], language);
      return answer;
    }),
  }));
}

// Each row of a group is labelled as the kiosk asked it ("Person 1"), with its own fields' labels.
function groupRows(form: FormDefinition, group: FieldDefinition, rows: Answers[], language: TextLanguage) {
  const t = formTranslator(language);
  const rowLabel = t(labelKey(form, group).replace(/\.label$/, '.row'));
  const rowForm: FormDefinition = { ...form, steps: [{ id: group.name, fields: group.fields ?? [] }] };
  return rows.map((row, i) => ({
    title: t('forms:group.row', { label: rowLabel, n: i + 1 }),
    answers: answerSections(rowForm, row, t, language, { fullCpr: true }).flatMap((s) => s.rows.map((r) => ({ label: r.label, lines: r.lines }))),
  }));
}

/** Every text in the answers, for search and for tests: labels, lines and row titles. */
export function answerTexts(sections: readonly LabelledSection[]): string[] {
  const of = (a: LabelledAnswer): string[] => [a.label, ...a.lines, ...(a.rows ?? []).flatMap((r) => [r.title, ...r.answers.flatMap(of)])];
  return sections.flatMap((s) => [s.title, ...s.answers.flatMap(of)]);
}
