import type { Kysely, Migration } from 'kysely';
import type { DeviceReport } from '#contract/device-report.ts';
import type { Database } from '../schema.ts';

/**
 * The last report of each device and when it was last seen (migration 005). One row per device,
 * replaced on every report: operations need the present state, not a history.
 */
export interface DeviceReportsTable {
  device_reports: {
    device_id: string;
    last_seen_at: string;
    /** The DeviceReport as JSON: counts and sizes only, no citizen data. */
    report: string;
  };
}

export interface StoredDeviceReport {
  deviceId: string;
  /** ISO timestamp of the last report. */
  lastSeenAt: string;
  report: DeviceReport;
}

export const deviceReportsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('device_reports')
      .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id'))
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .execute();
  },
};

export async function saveDeviceReport(db: Kysely<Database>, deviceId: string, at: string, report: DeviceReport): Promise<void> {
  const row = { device_id: deviceId, last_seen_at: at, report: JSON.stringify(report) };
  await db
    .insertInto('device_reports')
    .values(row)
    .onConflict((oc) => oc.column('device_id').doUpdateSet({ last_seen_at: row.last_seen_at, report: row.report }))
    .execute();
}

export async function listDeviceReports(db: Kysely<Database>): Promise<StoredDeviceReport[]> {
  const rows = await db.selectFrom('device_reports').selectAll().execute();
  return rows.map((r) => ({ deviceId: r.device_id, lastSeenAt: r.last_seen_at, report: JSON.parse(r.report) as DeviceReport }));
}
