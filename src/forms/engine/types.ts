/**
 * A form is data: the engine derives its screens, its validation schema (shared with the server)
 * and its printed copy from a FormDefinition. Adding a form means adding one of these and its
 * translations (locales/<lang>/form-<id>.json), not a screen.
 */

import type { MunicipalityConfig } from '#config/schema.ts';

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
  | 'number'
  /** A bookable time at the counter, "YYYY-MM-DDTHH:MM" on the Copenhagen clock (src/domain/slots.ts). */
  | 'slot';

/**
 * Shows a field only when another answer (the same step or an earlier one) has one of the given
 * values; or passes a test from rule data (`field` may then be a path into an address:
 * "newAddress.postcode"); or when any of several conditions holds. A test must not depend on the
 * day: a queued request must keep the questions it was asked.
 */
export type Condition =
  | { field: string; equals: string | boolean | readonly (string | boolean)[] }
  | { field: string; test: (value: unknown) => boolean }
  | { any: readonly Condition[] };

export interface Option {
  value: string;
  /** i18n key of the option's label; defaults to `<form ns>:fields.<field>.options.<value>`. */
  labelKey?: string;
  /**
   * Whether this municipality offers the option (e.g. NemID only where config.schemes.nemid). The
   * screen leaves out what is not offered; the schema keeps it, as another kiosk may offer it.
   */
  offeredIn?: (config: MunicipalityConfig) => boolean;
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
  /** For 'number': the unit shown after the value on the check page and the printed copy ("kr."), an i18n key. */
  unitKey?: string;
  /** For 'number': the range accepted, in whole units. */
  min?: number;
  max?: number;
  /**
   * For 'text' and 'phone': a pattern the normalised value must also match (e.g. a bank
   * registration number, or a Danish number only), with its error code 'format'.
   */
  pattern?: RegExp;
  /** A field's own message for an error code, where the kind's shared message would mislead. */
  errorKeys?: Partial<Record<ErrorCode, string>>;
}

export interface StepDefinition {
  id: string;
  titleKey?: string;
  /** Optional paragraphs above the fields. */
  introKeys?: readonly string[];
  /** Optional list under the paragraphs, from dated rule data (e.g. the grounds for an exemption). */
  introListKeys?: (today: Date) => readonly string[];
  /** Values for the intro texts ({{phone}} …), from rule data or configuration, so that no text holds a number. */
  introValues?: TextValues;
  /** Empty for an information-only step (e.g. the numbers to call now before a request); Next just moves on. */
  fields: readonly FieldDefinition[];
}

/**
 * Interpolation values read from dated rule data on the day, and from the answers so far
 * (normalised). A value written as an ISO date ("2026-12-03") is shown as a date in the
 * citizen's language. `context` picks a variant of a text (i18next: "next_posted"). The kiosk
 * passes its configuration (e.g. the municipality's extra closing days); other callers may not.
 */
export type TextValues = (today: Date, data: Answers, config?: MunicipalityConfig) => Record<string, string>;

/**
 * A rule across answers that one field cannot know alone (an age limit read from the CPR number,
 * a route that the documents held do not open). Returns errors on the fields to correct, with
 * code 'notEligible', the words in the field's errorKeys and values for them. Must accept
 * incomplete or invalid answers (the fields' own errors are reported first).
 */
export type FormCheck = (data: Answers, today: Date) => FieldError[];

export interface FormDefinition {
  /** The service id in the municipality configuration, and the i18n namespace `form-<id>`. */
  id: string;
  /** The request type in the outbox and on the server. */
  type: string;
  schemaVersion: number;
  steps: readonly StepDefinition[];
  /** Paragraphs for the receipt's "What happens next" (e.g. where a complaint goes), in the form's namespace. */
  receiptKeys?: readonly string[];
  /** Values for those paragraphs, from rule data; never literals in the texts. */
  receiptValues?: TextValues;
  /** Rules across answers, from the domain (e.g. checkAge); run with the fields' own rules. */
  checks?: readonly FormCheck[];
  /**
   * Checks against the day that refuse a date in the past (an end date that has passed), run only
   * while the citizen answers (each step's Next), never on a queued payload: a request queued
   * offline reaches the server later, when such a date may have passed through no fault of theirs.
   */
  entryChecks?: readonly FormCheck[];
}

/** An information page: text only, no request (e.g. SU by post). */
export interface InfoPageDefinition {
  id: string;
  /** Paragraph keys in the page's namespace. */
  paragraphKeys: readonly string[];
  /**
   * Where to write, as data; empty when no address is found in a public source (then the page says
   * where to find it). `asOf` is the newest date the source gives, so that staff know how old it is.
   */
  addresses: readonly { nameKey: string; lines: readonly string[]; source: string; asOf: string }[];
}

/** One failed field: the path in the answers ('phone', 'members.0.cpr', 'address.postcode') and a code. */
export interface FieldError {
  path: string;
  code: ErrorCode;
  /** Values for the message (a form check's "{{date}}"); ISO dates are shown in the citizen's language. */
  values?: Record<string, string>;
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
  | 'notAllowed'
  /** The chosen time was booked by others while the citizen filled in the form (the server said so). */
  | 'taken'
  /** A form check (FormDefinition.checks) refuses the answer; the field's errorKeys say why. */
  | 'notEligible';

export type Answers = Record<string, unknown>;
