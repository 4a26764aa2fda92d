import { MISSING_KEY_MARK, type Translate } from '#app/shared/i18n.ts';

/**
 * A request type as caseworkers read it: the back office's own name for it (staff:types.*), else the
 * form's title (form-<type>:title), else the type id itself, so that a type shipped before its
 * translation (a tablet's home visit, say) is still shown and can be filtered on.
 */
export function typeLabel(type: string, t: Translate): string {
  for (const key of [`staff:types.${type}`, `form-${type}:title`]) {
    const text = t(key);
    if (text && !text.startsWith(MISSING_KEY_MARK) && text !== key) return text;
  }
  return type;
}

/** Options for a select of types, labelled and sorted by label; the id is added where two labels are alike. */
export function typeOptions(types: readonly string[], t: Translate): { value: string; label: string }[] {
  const labelled = types.map((type) => ({ value: type, label: typeLabel(type, t) }));
  const counts = new Map<string, number>();
  for (const { label } of labelled) counts.set(label, (counts.get(label) ?? 0) + 1);
  return labelled
    .map((o) => (counts.get(o.label)! > 1 && o.label !== o.value ? { ...o, label: `${o.label} (${o.value})` } : o))
    .sort((a, b) => a.label.localeCompare(b.label));
}
