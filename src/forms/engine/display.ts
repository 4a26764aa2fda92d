import type { MunicipalityConfig } from '#config/schema.ts';
import { maskCpr } from '#domain/cpr.ts';
import { formatDate } from '#domain/dates.ts';
import { isShown } from './conditions.ts';
import { labelKey, optionKey, resolveKey, stepTitleKey } from './keys.ts';
import type { Answers, FieldDefinition, FormDefinition } from './types.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface AnswerRow {
  field: FieldDefinition;
  label: string;
  /** Lines of text; the check-answers page and the printed copy show them one per line. */
  lines: string[];
  /** A drawn signature (PNG data URL), shown as an image on the printed copy. */
  image?: string;
}

export interface AnswerSection {
  stepIndex: number;
  title: string;
  rows: AnswerRow[];
}

/**
 * The answers as a citizen reads them, step by step. A CPR number is masked on screen and on the
 * kiosk's printed copy (never the full number where others can read it); only the back office,
 * which staff read, asks for `fullCpr` (labelled-answers.ts).
 */
export function answerSections(form: FormDefinition, data: Answers, t: Translate, language: string, { fullCpr = false } = {}): AnswerSection[] {
  return (
    form.steps
      .map((step, stepIndex) => ({
        stepIndex,
        title: t(stepTitleKey(form, step)),
        rows: step.fields
          .filter((f) => isShown(f, data))
          .map((field) => row(form, field, data[field.name], t, language, fullCpr)),
      }))
      // An information-only step has nothing to check or print.
      .filter((section) => section.rows.length > 0)
  );
}

/**
 * What became of a request's time, as the receipt words it: `booked` (the server holds it),
 * `proposed` (taken when the request arrived; `values.proposed` is the time offered instead) or
 * `full` (taken, and nothing else free).
 */
export interface ReceiptContext {
  name: 'booked' | 'proposed' | 'full';
  values?: Record<string, string>;
}

/**
 * The receipt's form-specific paragraphs, with their values from rule data in force today and the
 * answers as "Check your answers" shows them (CPR masked): "Your time: {{answers.time}}". A
 * `context` picks a paragraph's `<key>_<context>` text where the form has one (i18next's context),
 * and its plain text otherwise.
 */
export function receiptTexts(form: FormDefinition, t: Translate, today: Date, data: Answers = {}, language = 'da', config?: MunicipalityConfig, context?: ReceiptContext): string[] {
  if (!form.receiptKeys) return [];
  const rows = answerSections(form, data, t, language).flatMap((s) => s.rows);
  const answers = Object.fromEntries(rows.map((r) => [r.field.name, r.lines.join(', ')]));
  const values = { ...localised(form.receiptValues?.(today, data, config) ?? {}, language), answers };
  return form.receiptKeys.map((key) => t(resolveKey(form, key), context ? { ...values, ...context.values, context: context.name } : values));
}

/** Interpolation values as the citizen reads them: ISO dates as dates in their language. */
export function localised(values: Record<string, string>, language: string): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v, language) : v]));
}

function row(form: FormDefinition, field: FieldDefinition, value: unknown, t: Translate, language: string, fullCpr: boolean): AnswerRow {
  const label = t(labelKey(form, field));
  if (value === undefined) return { field, label, lines: [t('forms:notAnswered')] };
  if (field.kind === 'signature') {
    const s = value as { method: string; image?: string; name?: string };
    return s.method === 'drawn'
      ? { field, label, lines: [t('forms:signature.signedDrawn')], image: s.image }
      : { field, label, lines: [t('forms:signature.signedTyped', { name: s.name })] };
  }
  if (field.kind === 'group') {
    const rows = value as Answers[];
    const rowLabel = t(`${labelKey(form, field).replace(/\.label$/, '.row')}`);
    return {
      field,
      label,
      lines: rows.map((r, i) => {
        const parts = (field.fields ?? []).filter((f) => isShown(f, r)).map((f) => text(form, f, r[f.name], t, language, fullCpr).join(', '));
        return `${t('forms:group.row', { label: rowLabel, n: i + 1 })}: ${parts.join(', ')}`;
      }),
    };
  }
  return { field, label, lines: text(form, field, value, t, language, fullCpr) };
}

function text(form: FormDefinition, field: FieldDefinition, value: unknown, t: Translate, language: string, fullCpr: boolean): string[] {
  if (value === undefined) return [t('forms:notAnswered')];
  switch (field.kind) {
    case 'cpr':
      return [fullCpr ? formatCpr(String(value)) : safeMask(String(value))];
    case 'date':
      return [formatAnswerDate(String(value), language)];
    case 'slot':
      return [formatSlot(String(value), language)];
    case 'yes-no':
      return [t(value ? 'forms:yes' : 'forms:no')];
    case 'declaration':
      return [t('forms:yes')];
    case 'choice':
      return [t(optionKey(form, field, String(value)))];
    case 'multi-choice':
      return (value as string[]).map((v) => t(optionKey(form, field, v)));
    case 'number': {
      const number = new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB').format(Number(value));
      return [field.unitKey ? `${number} ${t(resolveKey(form, field.unitKey))}` : number];
    }
    case 'address':
      return addressLines(value as Record<string, string>);
    case 'phone':
      return [formatPhone(String(value))];
    default:
      return String(value).split('\n');
  }
}

/** A phone number as Danes read it aloud, in pairs: "12 34 56 78", "+45 12 34 56 78"; other countries as typed. */
export function formatPhone(phone: string): string {
  const danish = /^(\+45)?(\d{8})$/.exec(phone);
  if (!danish) return phone;
  const pairs = danish[2]!.match(/\d{2}/g)!.join(' ');
  return danish[1] ? `${danish[1]} ${pairs}` : pairs;
}

/** A Danish address as written on a letter: "Vej 12, 2. th" and "8000 Aarhus C". */
function addressLines(a: Record<string, string>): string[] {
  const unit = [a.floor, a.door].filter(Boolean).join(' ');
  const first = `${a.street ?? ''} ${a.number ?? ''}`.trim() + (unit ? `, ${unit}` : '');
  return [first, `${a.postcode ?? ''} ${a.town ?? ''}`.trim()].filter(Boolean);
}

const formatCpr = (cpr: string) => (/^\d{10}$/.test(cpr) ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr);

function safeMask(cpr: string): string {
  try {
    return maskCpr(cpr);
  } catch {
    // Not a CPR number (validation says so on the field); never echo digits that might be one.
    return 'XXXXXX-XXXX';
  }
}

/** "torsdag den 26. november 2026" / "Thursday, 26 November 2026": a booking needs the weekday. */
export function formatDay(iso: string, language: string): string {
  try {
    return formatDate(iso, language, { weekday: true });
  } catch {
    return iso;
  }
}

/** A booked time as read aloud: the day, then "kl. 10:15" / "at 10:15". */
export function formatSlot(slot: string, language: string): string {
  const [date = '', time = ''] = slot.split('T');
  return `${formatDay(date, language)} ${language === 'da' ? 'kl.' : 'at'} ${time}`;
}

function formatAnswerDate(iso: string, language: string): string {
  try {
    return formatDate(iso, language);
  } catch {
    return iso;
  }
}

/** The fields of a form in order, group rows included; for tests and the staff side. */
export function allFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.flatMap((f) => [f, ...allFields(f.fields ?? [])]);
}
