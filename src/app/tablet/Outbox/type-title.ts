import i18next from 'i18next';
import { currentForms } from '#forms/definitions/index.ts';
import { titleKey } from '#forms/engine/keys.ts';
import type { Translate } from '#app/shared/i18n.ts';

/** The title staff know a request type by: the form's own title, or the tablet's words for the types without a form. */
export function typeTitle(t: Translate, type: string): string {
  const form = currentForms.find((f) => f.type === type);
  if (form) return t(titleKey(form));
  const key = `tablet:outbox.types.${type}`;
  return i18next.exists(key) ? t(key) : type;
}
