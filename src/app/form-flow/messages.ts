import { localised } from '#forms/engine/display.ts';
import { errorKey, labelKey, resolveKey, type AddressPart } from '#forms/engine/keys.ts';
import type { FieldDefinition, FieldError, FormDefinition } from '#forms/engine/types.ts';
import { addressPartMaxLength, defaultMaxLength } from '#forms/engine/validate.ts';
import type { Translate } from '#app/shared/i18n.ts';

/**
 * The sentence for an error, in the citizen's language. The path says which field (and which
 * row of a group, or which part of an address) failed; the message names it.
 */
export function errorMessage(t: Translate, form: FormDefinition, error: FieldError, language = 'da'): string {
  const segments = error.path.split('.');
  let fields: readonly FieldDefinition[] = form.steps.flatMap((s) => s.fields);
  let field: FieldDefinition | undefined;
  let rowLabel = '';
  for (let i = 0; i < segments.length; i++) {
    const next = fields.find((f) => f.name === segments[i]);
    if (!next) break;
    field = next;
    if (next.kind === 'group' && /^\d+$/.test(segments[i + 1] ?? '')) {
      const n = Number(segments[i + 1]) + 1;
      rowLabel = t('forms:group.row', { label: t(labelKey(form, next).replace(/\.label$/, '.row')), n });
      fields = next.fields ?? [];
      i++;
    } else if (next.kind === 'address' && segments[i + 1]) {
      const part = segments[i + 1] as AddressPart;
      return t(errorKey('address', error.code, part), { max: String(addressPartMaxLength[part] ?? '') });
    }
  }
  if (!field) return t(`forms:errors.text.${error.code}`, { label: error.path });
  const label = t(labelKey(form, field)) + (rowLabel ? `, ${rowLabel}` : '');
  const own = field.errorKeys?.[error.code];
  const message = t(own ? resolveKey(form, own) : errorKey(field.kind, error.code), { label, ...limits(field, language), ...localised(error.values ?? {}, language) });
  return rowLabel && !message.includes(label) ? `${message} (${rowLabel})` : message;
}

/**
 * The field's limits for its messages, written as the citizen reads numbers ("100.000"), so that
 * an error names the limit: "Skriv et tal fra {{min}} til {{max}}", "højst {{max}} tegn".
 */
function limits(field: FieldDefinition, language: string): Record<string, string> {
  const number = (n: number) => new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB').format(n);
  switch (field.kind) {
    case 'number':
      return { min: number(field.min ?? 0), max: number(field.max ?? Number.MAX_SAFE_INTEGER) };
    case 'text':
    case 'multi-line':
      return { max: number(field.maxLength ?? defaultMaxLength[field.kind]) };
    case 'group':
      return field.maxRows === undefined ? {} : { max: number(field.maxRows) };
    default:
      return {};
  }
}
