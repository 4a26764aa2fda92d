import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_EXPIRES_HEADER, type EnrollResponse } from '#contract/v1.ts';
import { allMigrations } from '#server/store/schema.ts';
import { sqliteDatabase } from '#server/store/sqlite.ts';
import { DEFAULT_DEVICE_TOKEN_DAYS } from '#server/store/devices/device-tokens.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type Reply, type TestServer } from './harness.ts';

/**
 * Device tokens expire and rotate: an attacker holding an expired token, or a token rotated away
 * once its overlap is over, gets nothing; a device in contact renews and keeps working.
 */

const DAY_MS = 86_400_000;
let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(() => server.close());

const rotate = (s: TestServer, token: string) => s.request('/api/v1/devices/token', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
const probe = (s: TestServer, token: string) =>
  s.request('/api/v1/devices/events', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ events: [] }) });

async function stores(s: TestServer, device: EnrollResponse, token: string): Promise<Reply> {
  const { envelope } = await testEnvelope(device.serverKey);
  return s.submit(token, { submissions: [envelope] });
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 100));
}

const audit = async (query: string) => (await server.staff(admin, `/audit?${query}`)).json.entries as { actor: string; action: string; target: string; detail: Record<string, unknown> }[];

describe('a token that expires', () => {
  it('is given with its expiry at enrolment, DEVICE_TOKEN_DAYS (90) from now, and every device answer names it', async () => {
    const before = Date.now();
    const device = await server.enroll('Kiosk expiry');
    const expires = Date.parse(device.tokenExpiresAt!);
    expect(expires).toBeGreaterThanOrEqual(before + DEFAULT_DEVICE_TOKEN_DAYS * DAY_MS - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + DEFAULT_DEVICE_TOKEN_DAYS * DAY_MS);
    const r = await stores(server, device, device.token);
    expect(r.json.results[0].status).toBe('stored');
    expect(r.headers.get(TOKEN_EXPIRES_HEADER)).toBe(device.tokenExpiresAt);
  });

  it('gets 401 token_expired once its lifetime is over, cannot be renewed, and stores nothing', async () => {
    // A lifetime of two seconds: the test waits for the refusal, it does not time it.
    const short = await startTestServer({ deviceTokenDays: 2000 / DAY_MS });
    try {
      const device = await short.enroll('Kiosk short-lived');
      await until(async () => (await probe(short, device.token)).status === 401);
      const refused = await stores(short, device, device.token);
      expect(refused.status).toBe(401);
      expect(refused.json.error.code).toBe('token_expired');
      const renewal = await rotate(short, device.token);
      expect(renewal.status).toBe(401);
      expect(renewal.json.error.code).toBe('token_expired');
      const cookie = await short.login();
      expect((await short.staff(cookie, '/submissions')).json.total).toBe(0);
    } finally {
      await short.close();
    }
  });
});

describe('rotation', () => {
  it('hands out a fresh token; the old one works for the overlap; both steps are audited', async () => {
    const device = await server.enroll('Tablet rotate', 'tablet');
    const r = await rotate(server, device.token);
    expect(r.status).toBe(201);
    expect(r.json.token).not.toBe(device.token);
    expect(Date.parse(r.json.tokenExpiresAt)).toBeGreaterThanOrEqual(Date.parse(device.tokenExpiresAt!));
    expect((await stores(server, device, r.json.token)).json.results[0].status).toBe('stored');
    // A lost answer: the device still holds the old token, which works for the overlap.
    expect((await stores(server, device, device.token)).json.results[0].status).toBe('stored');
    const entries = (await audit(`target=${device.deviceId}`)).map((e) => [e.actor, e.action]);
    expect(entries).toContainEqual([`device:${device.deviceId}`, 'rotate_device_token']);
  });

  it('a retry with the replaced token gets another, the one lost in between is void, and the overlap is not extended', async () => {
    const device = await server.enroll('Kiosk retry');
    const lost = (await rotate(server, device.token)).json.token as string;
    const retry = await rotate(server, device.token);
    expect(retry.status).toBe(201);
    const lostAnswer = await stores(server, device, lost);
    expect(lostAnswer.status).toBe(401);
    expect(lostAnswer.json.error.code).toBe('invalid_token');
    expect((await stores(server, device, retry.json.token)).json.results[0].status).toBe('stored');
    const retries = (await audit(`target=${device.deviceId}`)).filter((e) => e.action === 'rotate_device_token');
    expect(retries.map((e) => e.detail.retry ?? false).sort()).toEqual([false, true]);
  });

  it('refuses the rotated-away token after the overlap, for sending and for renewing', async () => {
    const brief = await startTestServer({ deviceTokenOverlapMs: 1000 });
    try {
      const device = await brief.enroll('Kiosk overlap');
      const fresh = (await rotate(brief, device.token)).json.token as string;
      await until(async () => (await probe(brief, device.token)).status === 401);
      const sent = await stores(brief, device, device.token);
      expect(sent.status).toBe(401);
      expect(sent.json.error.code).toBe('invalid_token');
      expect((await rotate(brief, device.token)).status).toBe(401);
      expect((await stores(brief, device, fresh)).json.results[0].status).toBe('stored');
    } finally {
      await brief.close();
    }
  });

  it('cannot bring a revoked device back', async () => {
    const device = await server.enroll('Kiosk revoked');
    expect((await server.staff(admin, `/devices/${device.deviceId}/revoke`, { method: 'POST' })).status).toBe(204);
    const r = await rotate(server, device.token);
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('invalid_token');
  });
});

describe('revoking every device of a kind', () => {
  it('revokes every active tablet in one step, leaves kiosks alone, and audits each device and the whole', async () => {
    const tablets = [await server.enroll('Tablet A', 'tablet'), await server.enroll('Tablet B', 'tablet')];
    const kiosk = await server.enroll('Kiosk stays');
    const r = await server.staff(admin, '/devices/revoke-all', { method: 'POST', body: JSON.stringify({ kind: 'tablet' }) });
    expect(r.status).toBe(200);
    expect(r.json.kind).toBe('tablet');
    expect(r.json.revoked).toBeGreaterThanOrEqual(2);
    for (const tablet of tablets) {
      const sent = await stores(server, tablet, tablet.token);
      expect(sent.status).toBe(401);
      expect(sent.json.error.code).toBe('invalid_token');
      expect((await audit(`target=${tablet.deviceId}`)).map((e) => e.action)).toContain('revoke_device');
    }
    expect((await stores(server, kiosk, kiosk.token)).json.results[0].status).toBe('stored');
    const whole = await audit('action=revoke_all_devices');
    expect(whole[0]).toMatchObject({ actor: 'admin', target: 'tablet', detail: { count: r.json.revoked } });
    // Nothing left to revoke: answered, and audited as zero.
    expect((await server.staff(admin, '/devices/revoke-all', { method: 'POST', body: JSON.stringify({ kind: 'tablet' }) })).json.revoked).toBe(0);
  });

  it('refuses a caseworker (403), a cross-site request, a form post and an unknown kind', async () => {
    const created = await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'bo-revoke', password: 'caseworker password 1', role: 'caseworker' }) });
    expect(created.status).toBe(201);
    const caseworker = await server.login('bo-revoke', 'caseworker password 1');
    const kiosk = await server.enroll('Kiosk target');
    const body = JSON.stringify({ kind: 'kiosk' });
    expect((await server.staff(caseworker, '/devices/revoke-all', { method: 'POST', body })).status).toBe(403);
    const crossSite = await server.staff(admin, '/devices/revoke-all', { method: 'POST', body, headers: { Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.error.code).toBe('cross_origin_refused');
    const form = await server.staff(admin, '/devices/revoke-all', { method: 'POST', body: 'kind=kiosk', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    const unknown = await server.staff(admin, '/devices/revoke-all', { method: 'POST', body: JSON.stringify({ kind: 'phone' }) });
    expect(unknown.status).toBe(400);
    // None of these revoked anything.
    expect((await stores(server, kiosk, kiosk.token)).json.results[0].status).toBe('stored');
    expect((await audit('action=revoke_all_devices')).every((e) => e.target !== 'kiosk')).toBe(true);
  });
});

describe('migration 016', () => {
  it('gives tokens issued before expiry existed a full lifetime counted from the migration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokens-migration-'));
    const db = sqliteDatabase(dir);
    try {
      const all = allMigrations({});
      const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '016'));
      const migrator = (m: typeof all) => new Migrator({ db, provider: { getMigrations: async () => m } });
      expect((await migrator(before).migrateToLatest()).error).toBeUndefined();
      await (db as any).insertInto('devices').values({ id: 'old', name: 'Old kiosk', kind: 'kiosk', token_hash: 'h', created_at: '2024-01-01T00:00:00.000Z', revoked_at: null }).execute();
      const at = Date.now();
      expect((await migrator(all).migrateToLatest()).error).toBeUndefined();
      const row = await db.selectFrom('devices').select('token_expires_at').where('id', '=', 'old').executeTakeFirstOrThrow();
      expect(Date.parse(row.token_expires_at!)).toBeGreaterThanOrEqual(at + DEFAULT_DEVICE_TOKEN_DAYS * DAY_MS - 1000);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
