import { formTranslator, type TextLanguage } from '#forms/engine/form-texts.ts';
import { requestTitle } from '#forms/engine/labelled-answers.ts';
import type { SubmissionSummary } from './store/store.ts';

/**
 * The staff export's rows in the reader's language: words, not codes (the status as the back office
 * shows it, the request type's title, yes/no), and times on the Copenhagen clock as Danes write
 * them. Columns are only ever added at the end: the municipality's case system may read them by
 * position.
 */
export const csvColumns = ['id', 'reference', 'type', 'schemaVersion', 'status', 'createdAt', 'receivedAt', 'deviceId', 'deviceName', 'deviceKind', 'assisted', 'assistedBy'] as const;

export function submissionsCsvRows(submissions: readonly SubmissionSummary[], language: TextLanguage): (string | number)[][] {
  const t = formTranslator(language);
  const yesNo = (value: boolean | null) => (value === null ? '' : t(value ? 'staff:csv.yes' : 'staff:csv.no'));
  const header = csvColumns.map((column) => t(`staff:csv.columns.${column}`));
  const rows = submissions.map((s) => [
    s.id,
    s.reference,
    requestTitle(s.type, language),
    s.schemaVersion,
    t(`staff:status.${s.status}`),
    copenhagenTime(s.createdAt),
    copenhagenTime(s.receivedAt),
    s.deviceId,
    s.deviceName,
    t(`staff:devices.kinds.${s.deviceKind}`),
    yesNo(s.assisted),
    s.assistedBy ?? '',
  ]);
  return [header, ...rows];
}

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-07-01T08:05:00Z" → "01-07-2026 10:05": the Copenhagen clock, summer time included, as Danish Excel reads a date and time. */
export function copenhagenTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(clock.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}-${part.month}-${part.year} ${part.hour}:${part.minute}`;
}
