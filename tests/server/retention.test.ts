import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '#server/log.ts';
import { deleteExpiredSubmissions } from '#server/retention.ts';
import { openStore } from '#server/store/open-store.ts';
import { SQLITE_FILE } from '#server/store/sqlite.ts';
import type { Store } from '#server/store/store.ts';
import { testReference } from './fixtures.ts';
import { startTestServer } from './harness.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00.000Z');

/** A store under `dir/data` (where the test server keeps it) with one device. */
async function storeWithDevice(dir: string): Promise<{ store: Store; deviceId: string }> {
  const store = await openStore({ dataDir: join(dir, 'data'), log: silentLog });
  const deviceId = randomUUID();
  await store.createDevice({ id: deviceId, name: 'Kiosk', kind: 'kiosk', createdAt: new Date(0).toISOString(), revokedAt: null }, `hash-${deviceId}`);
  return { store, deviceId };
}

/**
 * Stores a submission received `daysAgo` days before `now`, closed as done unless `open`; the
 * ciphertext is never opened here.
 */
async function receivedDaysAgo(store: Store, deviceId: string, daysAgo: number, now = NOW, open = false): Promise<string> {
  const receivedAt = new Date(now.getTime() - daysAgo * DAY).toISOString();
  const id = randomUUID();
  const envelope = { id, reference: testReference(), type: 'test-note', schemaVersion: 1, createdAt: receivedAt, kid: 'k', iv: 'AAAAAAAAAAAAAAAA', wrappedKey: 'd3JhcA', ciphertext: 'Y2lwaGVy' };
  expect(await store.insertSubmission({ envelope, contentHash: `h-${id}`, deviceId, receivedAt })).toBe('stored');
  if (!open) await store.transitionSubmission(id, 'done', ['received'], { at: receivedAt, note: null, actor: 'caseworker' });
  return id;
}

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-retention-'));
  dirs.push(dir);
  return dir;
};

describe('retention', () => {
  it('deletes only closed submissions received before the period, with their history, and audits the ids', async () => {
    const { store, deviceId } = await storeWithDevice(tempDir());
    try {
      const old = [await receivedDaysAgo(store, deviceId, 400), await receivedDaysAgo(store, deviceId, 366)];
      const kept = [
        await receivedDaysAgo(store, deviceId, 364),
        await receivedDaysAgo(store, deviceId, 1),
        await receivedDaysAgo(store, deviceId, 500, NOW, true), // still open: a caseworker has not closed it
      ];
      expect(await deleteExpiredSubmissions(store, 365, NOW)).toBe(2);
      expect((await store.listSubmissions({})).submissions.map((s) => s.id).sort()).toEqual([...kept].sort());
      for (const id of old) expect(await store.history(id)).toEqual([]);
      const [entry, ...rest] = (await store.listAudit({ actor: 'system:retention' }));
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({ action: 'retention_delete', target: null, at: NOW.toISOString() });
      expect(entry!.detail).toEqual({ receivedBefore: new Date(NOW.getTime() - 365 * DAY).toISOString(), count: 2, ids: expect.arrayContaining(old) });
      expect(await deleteExpiredSubmissions(store, 365, NOW)).toBe(0);
      expect(await store.listAudit({ actor: 'system:retention' })).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('leaves nothing of a deleted case in the SQLite file or its log, as a copy of the data directory would show', async () => {
    const dir = tempDir();
    const { store, deviceId } = await storeWithDevice(dir);
    try {
      const referenceOf = async (id: string) => (await store.submission(id))!.reference;
      const gone = await referenceOf(await receivedDaysAgo(store, deviceId, 400));
      const kept = await referenceOf(await receivedDaysAgo(store, deviceId, 1));
      const files = () => [SQLITE_FILE, `${SQLITE_FILE}-wal`].map((f) => readFileSync(join(dir, 'data', f)).toString('latin1')).join('');
      // Both are there before: the search below finds what is stored.
      expect(files()).toContain(gone);
      expect(await deleteExpiredSubmissions(store, 365, NOW)).toBe(1);
      expect(files()).not.toContain(gone);
      expect(files()).toContain(kept);
    } finally {
      await store.close();
    }
  });

  it('runs when the server starts, with the period from the options', async () => {
    const dir = tempDir();
    const { store, deviceId } = await storeWithDevice(dir);
    const old = await receivedDaysAgo(store, deviceId, 31, new Date());
    const recent = await receivedDaysAgo(store, deviceId, 29, new Date());
    await store.close();

    const server = await startTestServer({ dir, retentionDays: 30 });
    try {
      const admin = await server.login();
      await expect.poll(async () => (await server.staff(admin, '/audit?actor=system:retention&action=retention_delete')).json.entries.length).toBe(1);
      const [entry] = (await server.staff(admin, '/audit?actor=system:retention&action=retention_delete')).json.entries;
      expect(entry.detail).toMatchObject({ count: 1, ids: [old] });
      expect((await server.staff(admin, '/submissions')).json.submissions.map((s: { id: string }) => s.id)).toEqual([recent]);
    } finally {
      await server.close();
    }
  }, 20_000);
});
