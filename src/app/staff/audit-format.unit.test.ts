import { describe, expect, it } from 'vitest';
import { MISSING_KEY_MARK, type Translate } from '#app/shared/i18n.ts';
import type { AuditEntry } from '#contract/staff.ts';
import { auditDetail } from './audit-format.ts';

const texts: Record<string, string> = {
  'staff:status.received': 'Received',
  'staff:status.in_progress': 'In progress',
  'staff:auditDetail.noteWritten': 'note written',
  'staff:auditDetail.type': 'type',
  'staff:auditDetail.kind': 'kind',
  'staff:auditDetail.code': 'code',
  'staff:auditDetail.expiresAt': 'expires',
  'staff:auditDetail.count': 'rows',
  'staff:auditDetail.filter': 'filter',
  'staff:auditDetail.noFilter': 'none',
  'staff:auditDetail.via.admin_code': 'with an admin\'s code',
  'staff:devices.kinds.tablet': 'Tablet',
  'form-change-of-address:title': 'Change of address',
};
const t: Translate = (key) => texts[key] ?? `${MISSING_KEY_MARK}${key}⟧`;
const dateTime = (iso: string) => `<${iso.slice(0, 10)}>`;
const entry = (detail: Record<string, unknown>): AuditEntry => ({ id: '1', at: '2026-01-01T00:00:00Z', actor: 'anne', action: 'transition', target: null, detail });

describe('auditDetail', () => {
  it('names statuses, and says a note was written without its text', () => {
    expect(auditDetail(entry({ from: 'received', to: 'in_progress', note: true }), { t, dateTime })).toBe('Received → In progress; note written');
    expect(auditDetail(entry({ from: 'received', to: 'in_progress', note: false }), { t, dateTime })).toBe('Received → In progress');
  });

  it('names types (or shows the id of a type without a translation), kinds, codes and times', () => {
    expect(auditDetail(entry({ type: 'change-of-address' }), { t, dateTime })).toBe('type: Change of address');
    expect(auditDetail(entry({ type: 'home-visit' }), { t, dateTime })).toBe('type: home-visit');
    const subjects = { 'c-1': { kind: 'enrolment_code' as const, label: 'Hall kiosks' } };
    expect(auditDetail(entry({ kind: 'tablet', via: 'admin_code', code: 'c-1' }), { t, dateTime, subjects })).toBe('kind: Tablet; with an admin\'s code; code: Hall kiosks');
    expect(auditDetail(entry({ expiresAt: '2026-11-24T10:00:00.000Z' }), { t, dateTime })).toBe('expires: <2026-11-24>');
  });

  it('shows an export\'s filter and row count, and never the ids of deleted submissions', () => {
    expect(auditDetail(entry({ filter: { status: 'received' }, count: 3 }), { t, dateTime })).toBe('filter: status=received; rows: 3');
    expect(auditDetail(entry({ filter: {}, count: 0 }), { t, dateTime })).toBe('filter: none; rows: 0');
    expect(auditDetail(entry({ count: 2, ids: ['a', 'b'] }), { t, dateTime })).toBe('rows: 2');
  });

  it('shows unknown fields as key: value', () => {
    expect(auditDetail(entry({ something: 'x', nested: { a: 1 } }), { t, dateTime })).toBe('something: x; nested: {"a":1}');
  });
});
