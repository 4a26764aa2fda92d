import type { Translate } from '#app/shared/i18n.ts';
import type { AuditEntry, AuditSubject } from '#contract/staff.ts';
import { typeLabel } from './type-label.ts';

export interface AuditFormat {
  t: Translate;
  /** An ISO time as the reader reads times. */
  dateTime: (iso: string) => string;
  subjects?: Record<string, AuditSubject>;
}

/**
 * One line for an audit entry's detail, in the reader's language: statuses, types, device kinds and
 * times by name, the code that enrolled a device by its label; other fields as "key: value". The
 * note's text and the ids of deleted submissions are never in it (the note is only "written").
 */
export function auditDetail(entry: AuditEntry, { t, dateTime, subjects = {} }: AuditFormat): string {
  const { from, to, ...rest } = entry.detail;
  const parts: string[] = [];
  if (typeof from === 'string' && typeof to === 'string') parts.push(`${t(`staff:status.${from}`)} → ${t(`staff:status.${to}`)}`);
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'ids') continue;
    const text = known(key, value, t, dateTime, subjects);
    if (typeof text === 'string') parts.push(text);
    else if (text === undefined) parts.push(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  return parts.join('; ');
}

/** The field in words; null when there is nothing worth showing, undefined when the field is not known here. */
function known(key: string, value: unknown, t: Translate, dateTime: (iso: string) => string, subjects: Record<string, AuditSubject>): string | null | undefined {
  const label = (name: string, text: string) => `${t(`staff:auditDetail.${name}`)}: ${text}`;
  if (key === 'note' && typeof value === 'boolean') return value ? t('staff:auditDetail.noteWritten') : null;
  if (key === 'type' && typeof value === 'string') return label('type', typeLabel(value, t));
  if (key === 'kind' && (value === 'kiosk' || value === 'tablet')) return label('kind', t(`staff:devices.kinds.${value}`));
  if (key === 'role' && (value === 'admin' || value === 'caseworker')) return label('role', t(`staff:users.roles.${value}`));
  if (key === 'via' && (value === 'env_code' || value === 'admin_code')) return t(`staff:auditDetail.via.${value}`);
  if (key === 'code' && typeof value === 'string') return label('code', subjects[value]?.label || value);
  if (key === 'username' && typeof value === 'string') return label('username', value);
  if ((key === 'expiresAt' || key === 'receivedBefore' || key === 'wipedAt') && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return label(key, dateTime(value));
  if ((key === 'assignee' || key === 'previousAssignee') && (typeof value === 'string' || value === null)) return label(key, value ?? t('staff:casework.nobody'));
  if (key === 'status' && typeof value === 'string') return label('status', t(`staff:status.${value}`));
  if ((key === 'count' || key === 'maxUses') && typeof value === 'number') return label(key, String(value));
  if (key === 'filter' && typeof value === 'object' && value !== null) {
    const filter = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
    return label('filter', filter.length > 0 ? filter.join(', ') : t('staff:auditDetail.noFilter'));
  }
  return undefined;
}
