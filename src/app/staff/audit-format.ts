import type { Translate } from '../i18n.ts';
import type { AuditEntry } from './api.ts';

/** One line for an audit entry's detail: statuses by name, other fields as "key: value". */
export function auditDetail(entry: AuditEntry, t: Translate): string {
  const { from, to, ...rest } = entry.detail;
  const parts: string[] = [];
  if (typeof from === 'string' && typeof to === 'string') parts.push(`${t(`staff:status.${from}`)} → ${t(`staff:status.${to}`)}`);
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'note' || key === 'ids') continue;
    parts.push(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  return parts.join('; ');
}
