import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '#server/log.ts';
import { deletionDate } from '#server/retention-dates.ts';
import { deleteExpiredOpenCases } from '#server/retention.ts';
import { openStore } from '#server/store/open-store.ts';
import { testEnvelope, testReference } from './fixtures.ts';
import { startTestServer } from './harness.ts';

const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('open cases have a maximum age', () => {
  it('deletes open cases received before the maximum, with their history, and audits the ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-open-cases-'));
    dirs.push(dir);
    const store = await openStore({ dataDir: dir, log: silentLog });
    try {
      const deviceId = randomUUID();
      await store.createDevice({ id: deviceId, name: 'Kiosk', kind: 'kiosk', createdAt: new Date().toISOString(), revokedAt: null }, 'h');
      const now = new Date('2026-06-01T12:00:00.000Z');
      const at = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
      const insert = async (days: number, status?: 'in_progress' | 'done') => {
        const id = randomUUID();
        const envelope = { id, reference: testReference(), type: 'test-note', schemaVersion: 1, createdAt: at(days), kid: 'k', iv: 'AAAAAAAAAAAAAAAA', wrappedKey: 'd3JhcA', ciphertext: 'Y2lwaGVy' };
        await store.insertSubmission({ envelope, contentHash: id, deviceId, receivedAt: at(days) });
        if (status) await store.transitionSubmission(id, status, ['received'], { at: at(days), note: null, actor: 'bo' });
        return id;
      };
      const old = [await insert(731), await insert(800, 'in_progress')];
      const kept = [await insert(729), await insert(900, 'done')]; // a closed one: RETENTION_DAYS decides
      expect(await deleteExpiredOpenCases(store, 730, now)).toBe(2);
      expect((await store.listSubmissions({})).submissions.map((s) => s.id).sort()).toEqual([...kept].sort());
      for (const id of old) expect(await store.history(id)).toEqual([]);
      const [entry] = await store.listAudit({ action: 'retention_delete' });
      expect(entry!.detail).toEqual({ receivedBefore: at(730), open: true, count: 2, ids: expect.arrayContaining(old) });
    } finally {
      await store.close();
    }
  });

  it('dates each case by the rule retention deletes by', () => {
    const policy = { closedDays: 365, openCaseDays: 730 };
    const receivedAt = '2026-01-01T10:00:00.000Z';
    expect(deletionDate({ status: 'received', receivedAt }, policy)).toBe('2028-01-01T10:00:00.000Z');
    expect(deletionDate({ status: 'in_progress', receivedAt }, policy)).toBe('2028-01-01T10:00:00.000Z');
    expect(deletionDate({ status: 'done', receivedAt }, policy)).toBe('2027-01-01T10:00:00.000Z');
    expect(deletionDate({ status: 'rejected', receivedAt }, policy)).toBe('2027-01-01T10:00:00.000Z');
  });

  it('tells staff when each case will be deleted, in the list and the detail', async () => {
    const server = await startTestServer({ retentionDays: 100, openCaseMaxDays: 90 });
    try {
      const device = await server.enroll();
      const { envelope } = await testEnvelope(device.serverKey);
      await server.submit(device.token, { submissions: [envelope] });
      const cookie = await server.login();
      const [item] = (await server.staff(cookie, '/submissions')).json.submissions;
      expect(Date.parse(item.deletesAt) - Date.parse(item.receivedAt)).toBe(90 * DAY);
      const detail = await server.staff(cookie, `/submissions/${envelope.id}`);
      expect(detail.json.deletesAt).toBe(item.deletesAt);
      const done = await server.staff(cookie, `/submissions/${envelope.id}/transition`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url },
        body: JSON.stringify({ to: 'rejected', note: 'Afvist: mangler underskrift' }),
      });
      expect(Date.parse(done.json.deletesAt) - Date.parse(item.receivedAt)).toBe(100 * DAY);
    } finally {
      await server.close();
    }
  }, 60_000);
});
