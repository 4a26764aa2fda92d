import { parseCpr } from '#domain/cpr.ts';
import { formatIsoDate } from '#domain/dates.ts';
import { isShown } from './conditions.ts';
import { addressParts } from './keys.ts';
import type { Answers, FieldDefinition, FormDefinition } from './types.ts';

/**
 * Turns what the citizen typed (session answers) into the request's data: trimmed text, a CPR
 * number without hyphen, ISO dates, booleans for yes/no. Empty answers and fields that are not
 * shown are left out, so a hidden field is never sent. Input that cannot be read is kept as typed,
 * so that validation (validate.ts) names the problem on the right field.
 */
export function toPayload(form: FormDefinition, answers: Answers, today = new Date()): Answers {
  return fieldsToPayload(form.steps.flatMap((s) => s.fields), answers, today);
}

export function fieldsToPayload(fields: readonly FieldDefinition[], answers: Answers, today: Date, outer?: Answers): Answers {
  const out: Answers = {};
  // Fields are normalised in order, so a condition on an earlier field sees its normalised value.
  for (const field of fields) {
    const value = normalise(field, answers[field.name], today, out);
    if (value !== undefined) out[field.name] = value;
  }
  for (const field of fields) {
    if (!isShown(field, out, outer)) delete out[field.name];
  }
  return out;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);
const nonEmpty = (value: string | undefined) => (value ? value : undefined);

function normalise(field: FieldDefinition, value: unknown, today: Date, outer: Answers): unknown {
  switch (field.kind) {
    case 'text':
    case 'multi-line':
    case 'email':
    case 'choice':
    case 'slot':
      return nonEmpty(text(value));
    case 'cpr': {
      const typed = nonEmpty(text(value));
      if (!typed) return undefined;
      const parsed = parseCpr(typed, today);
      return parsed.ok ? parsed.cpr : typed.replace(/\s+/g, '');
    }
    case 'phone':
      return nonEmpty(text(value)?.replace(/[\s-]/g, ''));
    case 'number': {
      const typed = nonEmpty(text(value)?.replace(/[\s.]/g, '').replace(/kr$/i, ''));
      return typed && /^\d+$/.test(typed) ? Number(typed) : typed;
    }
    case 'yes-no':
      return value === 'yes' ? true : value === 'no' ? false : undefined;
    case 'date':
      return dateOf(value);
    case 'address':
      return addressOf(value);
    case 'multi-choice':
      return Array.isArray(value) && value.length > 0 ? [...value] : undefined;
    case 'declaration':
      return value === true ? true : undefined;
    case 'signature':
      return signatureOf(value);
    case 'group': {
      if (!Array.isArray(value)) return undefined;
      return value.map((row) => fieldsToPayload(field.fields ?? [], (row ?? {}) as Answers, today, outer));
    }
  }
}

function dateOf(value: unknown): string | undefined {
  const { day, month, year } = (value ?? {}) as Record<string, unknown>;
  const [d, m, y] = [day, month, year].map((p) => text(p) ?? '');
  if (!d && !m && !y) return undefined;
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y)) return formatIsoDate(Number(y), Number(m), Number(d));
  return `${y}-${m}-${d}`;
}

function addressOf(value: unknown): Answers | undefined {
  const raw = (value ?? {}) as Record<string, unknown>;
  const out: Answers = {};
  for (const part of addressParts) {
    const v = nonEmpty(text(raw[part]));
    if (v) out[part] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function signatureOf(value: unknown): Answers | undefined {
  const raw = (value ?? {}) as Record<string, unknown>;
  if (raw.method === 'drawn' && typeof raw.image === 'string' && raw.image) return { method: 'drawn', image: raw.image };
  if (raw.method === 'typed') {
    const name = nonEmpty(text(raw.name));
    return name ? { method: 'typed', name } : undefined;
  }
  return undefined;
}

