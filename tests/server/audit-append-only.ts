import { expect, it } from 'vitest';
import { AUDIT_MIN_RETENTION_DAYS } from '#server/retention.ts';
import type { Store } from '#server/store/store.ts';

/** Runs SQL on the database behind a store, bypassing it, as a stray console session would. */
export type RawSql = (statement: string) => Promise<unknown>;

/** The audit log refuses changes in the database itself; written once, run on SQLite and PostgreSQL. */
export function describeAuditAppendOnly(open: () => Promise<{ store: Store; raw: RawSql; close(): Promise<void> }>): void {
  it('refuses UPDATE and DELETE on audit_log, and keeps the entry as written', async () => {
    const { store, raw, close } = await open();
    try {
      await store.appendAudit({ at: new Date().toISOString(), actor: 'anne', action: 'login', target: null, detail: {} });
      await expect(raw("UPDATE audit_log SET actor = 'mallory'")).rejects.toThrow(/append-only/);
      await expect(raw('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      expect(await store.listAudit({ actor: 'anne' })).toEqual([expect.objectContaining({ actor: 'anne', action: 'login' })]);
    } finally {
      await close();
    }
  });

  it('lets retention delete only entries older than the floor, by the database clock; never an UPDATE', async () => {
    const { store, raw, close } = await open();
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    try {
      await store.appendAudit({ at: daysAgo(AUDIT_MIN_RETENTION_DAYS + 2), actor: 'old', action: 'login', target: null, detail: {} });
      await store.appendAudit({ at: daysAgo(AUDIT_MIN_RETENTION_DAYS - 2), actor: 'recent', action: 'login', target: null, detail: {} });
      await expect(raw("UPDATE audit_log SET actor = 'mallory' WHERE actor = 'old'")).rejects.toThrow(/append-only/);
      // A cutoff later than the floor (a misconfigured or malicious caller) is still refused whole.
      await expect(store.deleteAuditEntriesBefore(daysAgo(1), new Date().toISOString(), 500)).rejects.toThrow(/append-only/);
      expect(await store.listAudit({ actor: 'recent' })).toHaveLength(1);
      expect(await store.deleteAuditEntriesBefore(daysAgo(AUDIT_MIN_RETENTION_DAYS), new Date().toISOString(), 500)).toBe(1);
      expect(await store.listAudit({ actor: 'old' })).toEqual([]);
      expect(await store.listAudit({ actor: 'recent' })).toHaveLength(1);
      expect(await store.listAudit({ action: 'retention_delete_audit' })).toEqual([expect.objectContaining({ actor: 'system:retention', detail: expect.objectContaining({ count: 1 }) })]);
      await expect(raw("DELETE FROM audit_log WHERE actor = 'recent'")).rejects.toThrow(/append-only/);
    } finally {
      await close();
    }
  });
}
