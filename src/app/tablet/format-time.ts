import type { Language } from '#app/shared/i18n.ts';

/** A moment as staff read it: date and time on the Copenhagen clock, in their language. */
export function formatTime(at: string | number | Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(at));
}
