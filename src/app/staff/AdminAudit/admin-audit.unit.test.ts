import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, AuditPage } from '#contract/staff.ts';
import { loadAllNamespaces } from '#app/shared/i18n.ts';
import { StaffApiError } from '../api/http.ts';
import type { AuditFilter } from '../api/audit.ts';
import { StaffUi } from '../staff-ui.svelte.ts';
import { AdminAudit } from './admin-audit.svelte.ts';

beforeAll(async () => {
  await loadAllNamespaces();
});

const entry = (id: string): AuditEntry => ({ id, at: '2026-03-02T09:00:00.000Z', actor: 'admin', action: 'login', target: null, detail: {} });

function setUp() {
  const ui = new StaffUi();
  ui.language = 'en';
  const api = {
    searchAudit: vi.fn(async (_filter: AuditFilter, offset = 0): Promise<AuditPage> =>
      offset === 0
        ? { entries: [entry('a'), entry('b')], subjects: { s1: { kind: 'device' as const, label: 'Kiosk 1' } }, total: 3 }
        : { entries: [entry('b'), entry('c')], subjects: { s2: { kind: 'submission' as const, label: 'REF-1' } }, total: 3 },
    ),
  };
  return { ui, api, log: new AdminAudit(api, ui) };
}

describe('the audit log screen', () => {
  it('searches with the filter kept on the staff UI, and keeps it as applied for the export', async () => {
    const { ui, api, log } = setUp();
    ui.auditFilter.actor = 'admin';
    await log.load();
    expect(api.searchAudit).toHaveBeenCalledWith(expect.objectContaining({ actor: 'admin' }));
    ui.auditFilter.actor = 'typed but not applied';
    expect(log.applied.actor).toBe('admin');
    expect(log).toMatchObject({ total: 3, loading: false, failed: undefined });
  });

  it('adds the next entries of the same filter without showing one twice, and merges their subjects', async () => {
    const { api, log } = setUp();
    await log.load();
    await log.more();
    expect(api.searchAudit.mock.calls[1]).toEqual([log.applied, 2]);
    expect(log.entries?.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(log.subjects)).toEqual(['s1', 's2']);
  });

  it('clears the filter and searches again; a failure is said in words', async () => {
    const { ui, api, log } = setUp();
    ui.auditFilter.action = 'logout';
    api.searchAudit.mockRejectedValueOnce(new StaffApiError('audit', 500, 'unknown'));
    await log.clearFilter();
    expect(ui.auditFilter.action).toBe('');
    expect(log.failed).toBe(ui.t('staff:errors.failed'));
    log.reset();
    expect(log).toMatchObject({ entries: undefined, failed: undefined, total: undefined });
  });
});
