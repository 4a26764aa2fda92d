/**
 * A form is data: the engine derives its screens, its validation schema (shared with the server)
 * and its printed copy from a FormDefinition. Adding a form means adding one of these and its
 * translations (locales/<lang>/form-<id>.json), not a screen.
 */

export type FieldKind =
  | 'text'
  | 'cpr'
  | 'date'
  | 'address'
  | 'phone'
  | 'email'
  | 'choice'
  | 'multi-choice'
  | 'yes-no'
  | 'multi-line'
  | 'group'
  | 'declaration'
  | 'signature'
  | 'number';

/** Shows a field only when another answer has one of the given values (the same step or an earlier one). */
export interface Condition {
  field: string;
  equals: string | boolean | readonly (string | boolean)[];
}

export interface Option {
  value: string;
  /** i18n key of the option's label; defaults to `<form ns>:fields.<field>.options.<value>`. */
  labelKey?: string;
}

export interface FieldDefinition {
  name: string;
  kind: FieldKind;
  /** i18n keys; relative keys are resolved in the form's namespace (see keys.ts). */
  labelKey?: string;
  hintKey?: string;
  required: boolean;
  /** Personal data: shown masked on screen where the kind says so, and kept out of logs. */
  personal: boolean;
  showIf?: Condition;
  options?: readonly Option[];
  /** Rows of a repeatable group. */
  fields?: readonly FieldDefinition[];
  minRows?: number;
  maxRows?: number;
  /** Longest text accepted (text and multi-line); defaults per kind. */
  maxLength?: number;
  /** For 'number': the range accepted, in whole units. */
  min?: number;
  max?: number;
  /** For 'text': a pattern the value must match (e.g. a bank registration number), with its error code 'format'. */
  pattern?: RegExp;
}

export interface StepDefinition {
  id: string;
  titleKey?: string;
  /** Optional paragraphs above the fields. */
  introKeys?: readonly string[];
  /** Optional list under the paragraphs, from dated rule data (e.g. the grounds for an exemption). */
  introListKeys?: (today: Date) => readonly string[];
  fields: readonly FieldDefinition[];
}

export interface FormDefinition {
  /** The service id in the municipality configuration, and the i18n namespace `form-<id>`. */
  id: string;
  /** The request type in the outbox and on the server. */
  type: string;
  schemaVersion: number;
  steps: readonly StepDefinition[];
}

/** An information page: text only, no request (e.g. SU by post). */
export interface InfoPageDefinition {
  id: string;
  /** Paragraph keys in the page's namespace. */
  paragraphKeys: readonly string[];
  /** Where to write, as data; empty when no verified address is known (then the page says where to find it). */
  addresses: readonly { nameKey: string; lines: readonly string[]; source: string }[];
}

/** One failed field: the path in the answers ('phone', 'members.0.cpr', 'address.postcode') and a code. */
export interface FieldError {
  path: string;
  code: ErrorCode;
}

export type ErrorCode =
  | 'required'
  | 'format'
  | 'tooLong'
  | 'date'
  | 'future'
  | 'replacement'
  | 'postcodeUnknown'
  | 'postcodeTown'
  | 'notAnOption'
  | 'tooFewRows'
  | 'tooManyRows'
  | 'range'
  | 'notAllowed';

export type Answers = Record<string, unknown>;
