import { DEVICE_REPORT_PATH, type DeviceErrorCategory, type DeviceReport } from '#contract/device-report.ts';
import { version } from '../../package.json';
import { withStorage } from './db.ts';
import { apiUrl } from './device.ts';
import type { DeviceRecord } from './records.ts';
import type { SyncOutcome } from './sync-result.ts';

/**
 * The device report sent after each sync run (src/contract/device-report.ts), so that operations
 * see every kiosk and tablet, its backlog and its storage. Counts, ages and sizes only.
 */
const REPORT_TIMEOUT_MS = 10_000;

const errorCategory: Record<SyncOutcome, DeviceErrorCategory> = {
  done: 'none',
  skipped: 'none',
  'not-enrolled': 'none',
  'network-error': 'network',
  'server-unavailable': 'server',
  unauthorized: 'unauthorized',
};

/** What the outbox holds now, as the report says it. */
export async function buildDeviceReport(outcome: SyncOutcome | 'storage-error', now: number, nav: Pick<Navigator, 'storage'> | undefined = globalThis.navigator): Promise<DeviceReport> {
  const { queued, oldest, rejected } = await withStorage('outbox.report', async (db) => {
    const waiting = await db.outbox.where('status').anyOf('queued', 'sending').toArray();
    return {
      queued: waiting.length,
      oldest: waiting.reduce<number | undefined>((min, item) => Math.min(min ?? Infinity, Date.parse(item.createdAt)), undefined),
      rejected: await db.outbox.where('status').equals('rejected').count(),
    };
  });
  const estimate = await nav?.storage?.estimate?.().catch(() => undefined);
  const persisted = (await nav?.storage?.persisted?.().catch(() => undefined)) ?? null;
  return {
    appVersion: version,
    queued,
    oldestQueuedAgeSeconds: oldest === undefined || Number.isNaN(oldest) ? null : Math.max(0, Math.floor((now - oldest) / 1000)),
    rejected,
    storageUsedBytes: estimate?.usage ?? null,
    storageQuotaBytes: estimate?.quota ?? null,
    persisted,
    lastError: outcome === 'storage-error' ? 'storage' : errorCategory[outcome],
  };
}

/** Sends the report; a failure is only logged: the report must never hold up or fail a sync. */
export async function sendDeviceReport(device: DeviceRecord, report: DeviceReport, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<boolean> {
  try {
    const response = await fetchImpl(apiUrl(device.serverUrl, DEVICE_REPORT_PATH), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
    });
    return response.ok;
  } catch (error) {
    console.warn('outbox.report: could not send the device report', error);
    return false;
  }
}
