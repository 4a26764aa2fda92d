import type { Translate } from '#app/shared/i18n.ts';

/** A problem with one field of a tablet form: the input's id and the text's key in `tablet`. */
export interface Problem {
  field: string;
  key: string;
  values?: Record<string, unknown>;
}

/** The error summary's entries (src/ui/ErrorSummary) in the staff member's language. */
export const summaryOf = (t: Translate, problems: readonly Problem[]) =>
  problems.map((p) => ({ field: p.field, message: t(`tablet:${p.key}`, p.values) }));

export const messageFor = (t: Translate, problems: readonly Problem[], field: string) => {
  const problem = problems.find((p) => p.field === field);
  return problem && t(`tablet:${problem.key}`, problem.values);
};
