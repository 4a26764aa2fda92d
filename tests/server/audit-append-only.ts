import { expect, it } from 'vitest';
import type { Store } from '../../src/server/store/store.ts';

/** Runs SQL on the database behind a store, bypassing it, as a stray console session would. */
export type RawSql = (statement: string) => Promise<unknown>;

/** The audit log refuses changes in the database itself; written once, run on SQLite and PostgreSQL. */
export function describeAuditAppendOnly(open: () => Promise<{ store: Store; raw: RawSql; close(): Promise<void> }>): void {
  it('refuses UPDATE and DELETE on audit_log, and keeps the entry as written', async () => {
    const { store, raw, close } = await open();
    try {
      await store.appendAudit({ at: '2026-01-01T00:00:00.000Z', actor: 'anne', action: 'login', target: null, detail: {} });
      await expect(raw("UPDATE audit_log SET actor = 'mallory'")).rejects.toThrow(/append-only/);
      await expect(raw('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      expect(await store.listAudit({ actor: 'anne' })).toEqual([expect.objectContaining({ actor: 'anne', action: 'login' })]);
    } finally {
      await close();
    }
  });
}
