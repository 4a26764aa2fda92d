import type { ErrorCode, FieldDefinition, FieldKind, FormDefinition, StepDefinition } from './types.ts';

/**
 * Where a form's words live. Each form has its own namespace `form-<id>` (one JSON file per
 * language); keys without a namespace in a definition are read in that namespace.
 */
const formNamespace = (form: Pick<FormDefinition, 'id'>) => `form-${form.id}`;

export function resolveKey(form: Pick<FormDefinition, 'id'>, key: string): string {
  return key.includes(':') ? key : `${formNamespace(form)}:${key}`;
}

export const titleKey = (form: Pick<FormDefinition, 'id'>) => `${formNamespace(form)}:title`;

export const stepTitleKey = (form: Pick<FormDefinition, 'id'>, step: StepDefinition) =>
  resolveKey(form, step.titleKey ?? `steps.${step.id}`);

export const labelKey = (form: Pick<FormDefinition, 'id'>, field: FieldDefinition) =>
  resolveKey(form, field.labelKey ?? `fields.${field.name}.label`);

export const hintKey = (form: Pick<FormDefinition, 'id'>, field: FieldDefinition) =>
  field.hintKey ? resolveKey(form, field.hintKey) : undefined;

export const optionKey = (form: Pick<FormDefinition, 'id'>, field: FieldDefinition, value: string) => {
  const option = field.options?.find((o) => o.value === value);
  return resolveKey(form, option?.labelKey ?? `fields.${field.name}.options.${value}`);
};

/** The error codes each kind can produce, so that tests can check every message exists. */
export const errorCodesByKind: Record<FieldKind, readonly ErrorCode[]> = {
  text: ['required', 'tooLong', 'format', 'notAllowed'],
  'multi-line': ['required', 'tooLong', 'notAllowed'],
  cpr: ['required', 'format', 'date', 'future', 'replacement', 'notAllowed'],
  date: ['required', 'date', 'notAllowed'],
  address: ['notAllowed'],
  phone: ['required', 'format', 'notAllowed'],
  email: ['required', 'format', 'notAllowed'],
  number: ['required', 'format', 'range', 'notAllowed'],
  choice: ['required', 'notAnOption', 'notAllowed'],
  'yes-no': ['required', 'notAllowed'],
  'multi-choice': ['required', 'notAnOption', 'notAllowed'],
  group: ['tooFewRows', 'tooManyRows', 'notAllowed'],
  declaration: ['required', 'notAllowed'],
  signature: ['required', 'format', 'notAllowed'],
  slot: ['required', 'format', 'notAllowed', 'taken'],
};

/**
 * The message shown for an error: the kind's message in the shared `forms` namespace; an address
 * has one message per part ("Enter the postcode, for example 8000").
 */
export const errorKey = (kind: FieldKind, code: ErrorCode, part?: string) =>
  part ? `forms:errors.${kind}.${part}.${code}` : `forms:errors.${kind}.${code}`;

/** Parts of an address, in the order a Danish address is written. */
export const addressParts = ['street', 'number', 'floor', 'door', 'postcode', 'town'] as const;
export type AddressPart = (typeof addressParts)[number];
export const requiredAddressParts: readonly AddressPart[] = ['street', 'number', 'postcode', 'town'];
export const errorCodesByAddressPart: Record<AddressPart, readonly ErrorCode[]> = {
  street: ['required', 'tooLong'],
  number: ['required', 'tooLong'],
  floor: ['tooLong'],
  door: ['tooLong'],
  postcode: ['required', 'postcodeUnknown'],
  town: ['required', 'tooLong', 'postcodeTown'],
};
