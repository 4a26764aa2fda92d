import type { MunicipalityConfig } from '#config/schema.ts';
import type { Answers, Condition, FieldDefinition, Option } from './types.ts';

/**
 * Whether a field is shown. Conditions are read on normalised values (payload.ts), so a yes/no
 * field is `true`/`false` here whether it comes from the screen or from a queued envelope.
 * Inside a repeatable group a condition looks at the row first, then at the whole form.
 */
export function conditionHolds(condition: Condition, values: Answers, outer?: Answers): boolean {
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, values, outer));
  const [first = '', ...rest] = condition.field.split('.');
  let value: unknown = first in values ? values[first] : outer?.[first];
  for (const key of rest) value = value && typeof value === 'object' ? (value as Answers)[key] : undefined;
  if ('test' in condition) return condition.test(value);
  const wanted: readonly unknown[] = Array.isArray(condition.equals) ? condition.equals : [condition.equals];
  return wanted.includes(value);
}

export function isShown(field: FieldDefinition, values: Answers, outer?: Answers): boolean {
  return !field.showIf || conditionHolds(field.showIf, values, outer);
}

export function shownFields(fields: readonly FieldDefinition[], values: Answers, outer?: Answers): FieldDefinition[] {
  return fields.filter((f) => isShown(f, values, outer));
}

/** The options this municipality offers; without a configuration (the server) every option. */
export function offeredOptions(field: FieldDefinition, config?: MunicipalityConfig): readonly Option[] {
  return (field.options ?? []).filter((o) => !config || !o.offeredIn || o.offeredIn(config));
}
