import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

/**
 * The back office's own queries on PostgreSQL (the SQLite runs are in enrolment-codes, staff-users
 * and audit tests): a code's uses counted under a race, revoke, the list, deactivated accounts, and
 * the audit log's names for ids. Two servers share the database, as behind a load balancer.
 */
describe.runIf(pgAvailable())('enrolment codes and accounts on PostgreSQL', () => {
  let cluster: PgCluster;
  let a: TestServer;
  let b: TestServer;
  let adminA: string;
  let adminB: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    const databaseUrl = await cluster.createDatabase();
    const dir = () => {
      const d = mkdtempSync(join(tmpdir(), 'kiosk-codes-pg-'));
      dirs.push(d);
      return d;
    };
    a = await startTestServer({ databaseUrl, dir: dir() });
    b = await startTestServer({ databaseUrl, dir: dir() });
    [adminA, adminB] = await Promise.all([a.login(), b.login()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await cluster?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const enrol = (server: TestServer, code: string, kind = 'kiosk') =>
    server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code, name: 'PG kiosk', kind }) });

  it('counts a code\'s uses across two servers racing for its last uses', async () => {
    const made = (await a.staff(adminA, '/enrolment-codes', { method: 'POST', body: JSON.stringify({ expiresInHours: 1, label: 'pg', maxUses: 3 }) })).json;
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => enrol(i % 2 ? a : b, made.code)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    expect(answers.filter((r) => r.status === 403).every((r) => r.json.error.code === 'enrolment_code_used_up')).toBe(true);
    const listed = (await b.staff(adminB, '/enrolment-codes')).json.codes.find((c: { id: string }) => c.id === made.id);
    expect(listed).toMatchObject({ uses: 3, maxUses: 3, label: 'pg', revokedAt: null });
  });

  it('revokes a code for both servers, refuses the wrong kind, and names codes and devices in the audit', async () => {
    const made = (await a.staff(adminA, '/enrolment-codes', { method: 'POST', body: JSON.stringify({ expiresInHours: 1, label: 'tablets', kind: 'tablet' }) })).json;
    expect((await enrol(b, made.code, 'kiosk')).json.error.code).toBe('enrolment_code_wrong_kind');
    const device = (await enrol(b, made.code, 'tablet')).json;
    expect((await b.staff(adminB, `/enrolment-codes/${made.id}/revoke`, { method: 'POST' })).status).toBe(204);
    expect((await enrol(a, made.code, 'tablet')).json.error.code).toBe('enrolment_code_revoked');
    const audit = (await a.staff(adminA, '/audit?limit=100')).json;
    expect(audit.subjects[made.id]).toEqual({ kind: 'enrolment_code', label: 'tablets' });
    expect(audit.subjects[device.deviceId]).toEqual({ kind: 'device', label: 'PG kiosk' });
  });

  it('deactivates an account and ends its sessions on every server', async () => {
    await a.staff(adminA, '/users', { method: 'POST', body: JSON.stringify({ username: 'pg-leaver', password: 'a long staff password', role: 'caseworker' }) });
    const onB = await b.login('pg-leaver', 'a long staff password');
    expect((await b.staff(onB, '/submissions')).status).toBe(200);
    expect((await a.staff(adminA, '/users/pg-leaver/disable', { method: 'POST' })).status).toBe(204);
    expect((await b.staff(onB, '/submissions')).status).toBe(401);
    expect((await b.request('/api/v1/staff/login', { method: 'POST', body: JSON.stringify({ username: 'pg-leaver', password: 'a long staff password' }) })).status).toBe(403);
  });
});
