import { parseCpr } from '#domain/cpr.ts';
import { isIsoDate } from '#domain/dates.ts';
import { townMatchesPostcode, townOf } from '#domain/data/postcodes.ts';
import { isShown } from './conditions.ts';
import { addressParts, requiredAddressParts, type AddressPart } from './keys.ts';
import type { Answers, ErrorCode, FieldDefinition, FieldError, FormDefinition } from './types.ts';

/**
 * The rules every form's data must keep, in one place: the kiosk runs them on a failed "Next"
 * and before it queues; the server runs them on the decrypted payload through the valibot schema
 * (schema.ts). Input is the normalised data (payload.ts), never the raw screen answers.
 */
export function validatePayload(form: FormDefinition, data: Answers, today = new Date()): FieldError[] {
  const fields = form.steps.flatMap((s) => s.fields);
  return withChecks(form, fields, validateFields(fields, data, today, { strict: true }), data, today);
}

/** One step's fields, so that "Next" does not complain about later steps; with the form's entry checks. */
export function validateStep(form: FormDefinition, stepIndex: number, data: Answers, today = new Date()): FieldError[] {
  const fields = form.steps[stepIndex]?.fields ?? [];
  return withChecks(form, fields, validateFields(fields, data, today, { strict: false }), data, today, true);
}

/** The form's checks on these fields, where the field has no error of its own and is shown. */
function withChecks(form: FormDefinition, fields: readonly FieldDefinition[], errors: FieldError[], data: Answers, today: Date, entry = false): FieldError[] {
  const names = new Set(fields.filter((f) => isShown(f, data)).map((f) => f.name));
  const failed = new Set(errors.map((e) => e.path.split('.')[0]));
  const checks = [...(form.checks ?? []), ...(entry ? (form.entryChecks ?? []) : [])];
  const checked = checks.flatMap((check) => check(data, today));
  return [...errors, ...checked.filter((e) => names.has(e.path.split('.')[0]!) && !failed.has(e.path.split('.')[0]))];
}

interface Scope {
  /** Reject keys that are no field of this scope (whole payloads; not a single step). */
  strict: boolean;
  outer?: Answers;
  prefix?: string;
}

function validateFields(fields: readonly FieldDefinition[], data: Answers, today: Date, { strict, outer, prefix = '' }: Scope): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    // Blank text counts as not answered: the server may get what an older or foreign client sent.
    const raw = data[field.name];
    const value = typeof raw === 'string' && raw.trim() === '' ? undefined : raw;
    const shown = isShown(field, data, outer);
    if (!shown) {
      // A hidden field is not required and is not sent; if it is, the sender broke the contract.
      if (value !== undefined) errors.push({ path, code: 'notAllowed' });
      continue;
    }
    if (value === undefined) {
      if (field.kind === 'group') errors.push(...checkRows(field, [], path));
      else if (field.kind === 'address' && field.required) {
        errors.push(...requiredAddressParts.map((part) => ({ path: `${path}.${part}`, code: 'required' as const })));
      } else if (field.required) errors.push({ path, code: 'required' });
      continue;
    }
    if (field.kind === 'group') {
      if (!Array.isArray(value)) { errors.push({ path, code: 'notAllowed' }); continue; }
      errors.push(...checkRows(field, value, path));
      value.forEach((row, i) =>
        errors.push(...validateFields(field.fields ?? [], (row ?? {}) as Answers, today, { strict: true, outer: data, prefix: `${path}.${i}.` })),
      );
      continue;
    }
    if (field.kind === 'address') {
      errors.push(...checkAddress(value, path));
      continue;
    }
    const code = checkValue(field, value, today);
    if (code) errors.push({ path, code });
  }
  if (strict) {
    const known = new Set(fields.map((f) => f.name));
    for (const key of Object.keys(data)) if (!known.has(key)) errors.push({ path: `${prefix}${key}`, code: 'notAllowed' });
  }
  return errors;
}

function checkRows(field: FieldDefinition, rows: unknown[], path: string): FieldError[] {
  const min = field.required ? Math.max(1, field.minRows ?? 1) : (field.minRows ?? 0);
  if (rows.length < min) return [{ path, code: 'tooFewRows' }];
  if (field.maxRows !== undefined && rows.length > field.maxRows) return [{ path, code: 'tooManyRows' }];
  return [];
}

/** The longest text accepted where a field names none; error messages name it too. */
export const defaultMaxLength = { text: 200, 'multi-line': 2000 } as const;

function checkValue(field: FieldDefinition, value: unknown, today: Date): ErrorCode | undefined {
  switch (field.kind) {
    case 'text':
    case 'multi-line': {
      if (typeof value !== 'string') return 'format';
      if (value.length > (field.maxLength ?? defaultMaxLength[field.kind])) return 'tooLong';
      // Control characters have no place in a form and could break the printed copy or a CSV.
      if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) return 'format';
      if (field.pattern && !field.pattern.test(value)) return 'format';
      return undefined;
    }
    case 'cpr': {
      if (typeof value !== 'string') return 'format';
      const parsed = parseCpr(value, today);
      return parsed.ok ? undefined : parsed.error;
    }
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? undefined : 'date';
    case 'slot':
      // Only the form is checked: a request queued offline may reach the server after its time.
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(value) && isIsoDate(value.slice(0, 10)) ? undefined : 'format';
    case 'phone':
      // Danish numbers have 8 digits; others are written with + and the country code (E.164: at most 15 digits).
      if (typeof value !== 'string' || !/^(\d{8}|\+\d{7,15})$/.test(value)) return 'format';
      return field.pattern && !field.pattern.test(value) ? 'format' : undefined;
    case 'email':
      return typeof value === 'string' && value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : 'format';
    case 'number': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'format';
      return value < (field.min ?? 0) || value > (field.max ?? Number.MAX_SAFE_INTEGER) ? 'range' : undefined;
    }
    case 'choice':
      return field.options?.some((o) => o.value === value) ? undefined : 'notAnOption';
    case 'multi-choice':
      return Array.isArray(value) && value.length > 0 && value.every((v) => field.options?.some((o) => o.value === v))
        ? new Set(value).size === value.length ? undefined : 'notAnOption'
        : 'notAnOption';
    case 'yes-no':
      return typeof value === 'boolean' ? undefined : 'required';
    case 'declaration':
      return value === true ? undefined : 'required';
    case 'signature':
      return checkSignature(value);
    default:
      return 'format';
  }
}

// A drawn signature is a PNG from the canvas; 1 MB of base64 is far more than a signature needs.
const pngDataUrl = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

function checkSignature(value: unknown): ErrorCode | undefined {
  const s = value as { method?: unknown; image?: unknown; name?: unknown };
  if (s.method === 'drawn') return typeof s.image === 'string' && s.image.length < 1_000_000 && pngDataUrl.test(s.image) && Object.keys(s).length === 2 ? undefined : 'format';
  if (s.method === 'typed') return typeof s.name === 'string' && s.name.length > 1 && s.name.length <= 200 && Object.keys(s).length === 2 ? undefined : 'format';
  return 'format';
}

/** The longest text accepted in each part of an address; error messages name it too. */
export const addressPartMaxLength: Record<AddressPart, number> = { street: 100, number: 20, floor: 20, door: 20, postcode: 20, town: 100 };

function checkAddress(value: unknown, path: string): FieldError[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [{ path, code: 'notAllowed' }];
  const a = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(a)) {
    if (!(addressParts as readonly string[]).includes(key)) errors.push({ path: `${path}.${key}`, code: 'notAllowed' });
  }
  for (const part of addressParts) {
    const v = a[part];
    if (v === undefined) {
      if (requiredAddressParts.includes(part)) errors.push({ path: `${path}.${part}`, code: 'required' });
    } else if (typeof v !== 'string' || v.length > addressPartMaxLength[part]) {
      errors.push({ path: `${path}.${part}`, code: 'tooLong' });
    }
  }
  const { postcode, town } = a as { postcode?: string; town?: string };
  if (typeof postcode === 'string') {
    if (!townOf(postcode)) errors.push({ path: `${path}.postcode`, code: 'postcodeUnknown' });
    else if (typeof town === 'string' && !townMatchesPostcode(postcode, town)) errors.push({ path: `${path}.town`, code: 'postcodeTown' });
  }
  return errors;
}
