import type { Answers, FieldDefinition, FormDefinition } from '#forms/engine/types.ts';

/** What every field component gets: where its answer lives and how to name and explain it. */
export interface FieldProps {
  form: FormDefinition;
  field: FieldDefinition;
  /** The object holding this field's answer: the session's answers, or one row of a group. */
  answers: Answers;
  /** Path of the field in the answers, e.g. "movers.0.moverCpr"; errors and element ids use it. */
  path: string;
  /** The message for an error at a path, already in the citizen's language. */
  errorAt: (path: string) => string | undefined;
  /** Label suffix inside a group row ("Person 2"), so that a screen reader knows which row. */
  rowLabel?: string;
}

/** The element id of the input that an error at this path should move focus to. */
export const fieldId = (path: string) => `f-${path.replaceAll('.', '-')}`;
