import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceReport } from '#contract/device-report.ts';
import { startTestServer, type TestServer } from './harness.ts';

const healthy: DeviceReport = { appVersion: '0.1.0', queued: 0, oldestQueuedAgeSeconds: null, rejected: 0, storageUsedBytes: 2_000_000, storageQuotaBytes: 500_000_000, persisted: true, lastError: 'none' };

describe('device reports and the fleet view', { timeout: 30_000 }, () => {
  let server: TestServer;
  let admin: string;
  const report = (token: string, body: unknown) =>
    server.request('/api/v1/devices/report', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    server = await startTestServer({ fleet: { notSeenMinutes: 30, oldWorkMinutes: 60 } });
    admin = await server.login();
  }, 60_000);
  afterAll(() => server?.close());

  it('needs the device token, and a revoked device is refused', async () => {
    expect((await server.request('/api/v1/devices/report', { method: 'POST', body: JSON.stringify(healthy), headers: { 'Content-Type': 'application/json' } })).status).toBe(401);
    expect((await report('x'.repeat(43), healthy)).status).toBe(401);
    const device = await server.enroll('Kiosk revoked');
    expect((await server.staff(admin, `/devices/${device.deviceId}/revoke`, { method: 'POST' })).status).toBe(204);
    expect((await report(device.token, healthy)).status).toBe(401);
  });

  it('refuses anything but the report fields (no room for citizen data), with a 400 naming the problem', async () => {
    const device = await server.enroll('Kiosk strict');
    for (const bad of [
      { ...healthy, reference: 'K7QM-3XRT-9PWA' },
      // The device is the token's: a report cannot name another one.
      { ...healthy, deviceId: crypto.randomUUID() },
      { ...healthy, queued: -1 },
      { ...healthy, queued: 1.5 },
      { ...healthy, appVersion: '<script>' },
      { ...healthy, lastError: 'Connection refused by 10.0.0.1' },
      { ...healthy, storageUsedBytes: 'lots' },
      'not json',
    ]) {
      const r = await report(device.token, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.json.error.code).toBeTruthy();
    }
    const listed = (await server.staff(admin, '/devices')).json.devices.find((d: { id: string }) => d.id === device.deviceId);
    expect(listed.report).toBeNull();
  });

  it('keeps the last report and last seen time per device, and lists the fleet by trouble for admins only', async () => {
    const ok = await server.enroll('Kiosk OK');
    const backlog = await server.enroll('Kiosk backlog');
    const silent = await server.enroll('Tablet silent');
    const before = Date.now();
    expect((await report(ok.token, { ...healthy, queued: 5 })).status).toBe(204);
    expect((await report(ok.token, healthy)).status).toBe(204);
    expect((await report(backlog.token, { ...healthy, queued: 12, oldestQueuedAgeSeconds: 2 * 86_400, lastError: 'network' })).status).toBe(204);
    expect((await report(silent.token, healthy)).status).toBe(204);
    // The tablet was last seen two hours ago.
    const file = new BetterSqlite3(join(server.dir, 'data', 'kiosk.sqlite'));
    file.prepare('UPDATE device_reports SET last_seen_at = ? WHERE device_id = ?').run(new Date(Date.now() - 2 * 3_600_000).toISOString(), silent.deviceId);
    file.close();

    const r = await server.staff(admin, '/devices');
    expect(r.status).toBe(200);
    expect(r.json.thresholds).toEqual({ notSeenMinutes: 30, oldWorkMinutes: 60 });
    const mine = (r.json.devices as { id: string; name: string; flags: string[]; state: string; lastSeenAt: string; report: DeviceReport; oldestQueuedAt: string | null }[]).filter((d) =>
      [ok.deviceId, backlog.deviceId, silent.deviceId].includes(d.id),
    );
    expect(mine.map((d) => d.name)).toEqual(['Kiosk backlog', 'Tablet silent', 'Kiosk OK']);
    const [b, s, o] = mine;
    expect(b!.flags).toEqual(['old_work', 'sync_failing']);
    expect(b!.state).toBe('old_work');
    expect(b!.report.queued).toBe(12);
    expect(Date.parse(b!.oldestQueuedAt!)).toBeLessThanOrEqual(Date.now() - 2 * 86_400_000 + 60_000);
    expect(s!.flags).toEqual(['not_seen']);
    expect(o!.flags).toEqual([]);
    expect(o!.state).toBe('ok');
    expect(o!.report.queued).toBe(0);
    expect(Date.parse(o!.lastSeenAt)).toBeGreaterThanOrEqual(before - 1000);

    // Every device that has never reported is flagged, and a revoked device is listed last, without flags.
    const all = r.json.devices as { revokedAt: string | null; flags: string[]; report: unknown }[];
    expect(all.filter((d) => !d.revokedAt && d.report === null).every((d) => d.flags.includes('never_seen'))).toBe(true);
    expect(all.at(-1)!.revokedAt).not.toBeNull();
    expect(all.filter((d) => d.revokedAt).every((d) => d.flags.length === 0)).toBe(true);
  });

  it('refuses an oversized report with 413 before reading it', async () => {
    const device = await server.enroll('Kiosk big');
    const r = await report(device.token, JSON.stringify({ ...healthy, appVersion: 'x'.repeat(40_000) }));
    expect(r.status).toBe(413);
  });

  it('does not show the fleet to caseworkers', async () => {
    const created = await server.staff(admin, '/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bo', password: 'a long enough password', role: 'caseworker' }) });
    expect(created.status).toBe(201);
    const bo = await server.login('bo', 'a long enough password');
    expect((await server.staff(bo, '/devices')).status).toBe(403);
    const names = await server.staff(bo, '/device-names');
    expect(names.status).toBe(200);
    expect(JSON.stringify(names.json)).not.toContain('report');
  });
});
