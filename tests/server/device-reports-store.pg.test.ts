import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceReport } from '#contract/device-report.ts';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import type { Store } from '#server/store/store.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

const report = (queued: number): DeviceReport => ({ appVersion: '1.2.3', queued, oldestQueuedAgeSeconds: queued ? 60 : null, rejected: 0, storageUsedBytes: null, storageQuotaBytes: null, persisted: null, lastError: 'none' });

/** The device reports table on PostgreSQL: one row per device, the newest report replacing the last. */
describe.runIf(pgAvailable())('device reports on PostgreSQL', () => {
  let cluster: PgCluster;
  let store: Store;
  beforeAll(async () => {
    cluster = await startPgCluster();
    store = await openStore({ databaseUrl: await cluster.createDatabase(), dataDir: '/nonexistent', log: silentLog });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('keeps the latest report and time per device, and answers the database ping', async () => {
    await store.createDevice({ id: 'd1', name: 'Kiosk 1', kind: 'kiosk', createdAt: '2026-01-01T00:00:00.000Z', revokedAt: null }, 'hash-1');
    await store.createDevice({ id: 'd2', name: 'Kiosk 2', kind: 'kiosk', createdAt: '2026-01-01T00:00:00.000Z', revokedAt: null }, 'hash-2');
    await store.saveDeviceReport('d1', '2026-03-01T10:00:00.000Z', report(5));
    await store.saveDeviceReport('d1', '2026-03-01T10:05:00.000Z', report(0));
    await store.saveDeviceReport('d2', '2026-03-01T10:01:00.000Z', report(2));
    const reports = (await store.listDeviceReports()).sort((a, b) => a.deviceId.localeCompare(b.deviceId));
    expect(reports).toEqual([
      { deviceId: 'd1', lastSeenAt: '2026-03-01T10:05:00.000Z', report: report(0) },
      { deviceId: 'd2', lastSeenAt: '2026-03-01T10:01:00.000Z', report: report(2) },
    ]);
    await expect(store.saveDeviceReport('unknown', '2026-03-01T10:00:00.000Z', report(0))).rejects.toThrow();
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
