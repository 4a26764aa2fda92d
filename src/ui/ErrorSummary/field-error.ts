/** A problem with one form field: the error summary links to it by `field` (the input's id). */
export interface FieldError {
  field: string;
  message: string;
}

/** The message for one field, if it has a problem. */
export const errorFor = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field)?.message;
