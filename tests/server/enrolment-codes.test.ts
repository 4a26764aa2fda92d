import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let admin: string;
let caseworker: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  await server.staff(admin, '/users', { method: 'POST', body: JSON.stringify({ username: 'cw-codes', password: 'caseworker password', role: 'caseworker' }) });
  caseworker = await server.login('cw-codes', 'caseworker password');
});
afterAll(() => server.close());
afterEach(() => vi.useRealTimers());

const makeCode = (body: unknown, cookie = admin) => server.staff(cookie, '/enrolment-codes', { method: 'POST', body: JSON.stringify(body) });
const enrol = (code: string, kind = 'kiosk') => server.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code, name: 'Kiosk', kind }) });
const listCodes = async () => {
  const r = await server.staff(admin, '/enrolment-codes');
  expect(r.status, r.text).toBe(200);
  return r.json.codes as Record<string, unknown>[];
};
const revoke = (id: string, cookie = admin) => server.staff(cookie, `/enrolment-codes/${id}/revoke`, { method: 'POST' });

describe('enrolment codes made by admins', () => {
  it('answers the code once, with its expiry, and it enrols devices (in any case) until then', async () => {
    const before = Date.now();
    const r = await makeCode({ expiresInHours: 24 });
    expect(r.status).toBe(201);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const expires = Date.parse(r.json.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(24 * 3600_000 + 5000);
    expect((await enrol(r.json.code)).status).toBe(201);
    expect((await enrol(` ${r.json.code.toLowerCase()} `)).status).toBe(201);
  });

  it('refuses an expired code with 403 enrolment_code_expired', async () => {
    const { code } = (await makeCode({ expiresInHours: 1 })).json;
    expect((await enrol(code)).status).toBe(201);
    // Only Date is faked: the server, in this process, then believes two hours have passed.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    const late = await enrol(code);
    expect(late.status).toBe(403);
    expect(late.json.error).toEqual({ code: 'enrolment_code_expired', message: expect.stringContaining('expired') });
  });

  it('answers a code that matches nothing with the contract\'s wrong_enrollment_code', async () => {
    const r = await enrol('ABCD-EFGH-JKMN-PQRS');
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('wrong_enrollment_code');
  });

  it('keeps the ENROLLMENT_CODE of the environment working', async () => {
    expect((await enrol(ENROLLMENT_CODE)).status).toBe(201);
  });

  it('refuses an expiry outside 1 to 168 hours, and bad labels, kinds and use limits', async () => {
    for (const expiresInHours of [0, 169, 1.5, '24']) expect((await makeCode({ expiresInHours })).status).toBe(400);
    for (const extra of [{ label: '<b>x</b>' }, { label: 'x'.repeat(81) }, { kind: 'phone' }, { maxUses: 0 }, { maxUses: 501 }, { maxUses: 2.5 }]) {
      expect((await makeCode({ expiresInHours: 1, ...extra })).status, JSON.stringify(extra)).toBe(400);
    }
  });
});

describe('the list of enrolment codes', () => {
  it('shows label, kind, creator, times, uses and limits, and never the code or its hash', async () => {
    const made = (await makeCode({ expiresInHours: 2, label: 'Kiosker i hallen', kind: 'kiosk', maxUses: 3 })).json;
    expect((await enrol(made.code)).status).toBe(201);
    const listed = (await listCodes()).find((c) => c.id === made.id);
    expect(listed).toEqual({
      id: made.id,
      label: 'Kiosker i hallen',
      kind: 'kiosk',
      createdAt: expect.any(String),
      createdBy: 'admin',
      expiresAt: made.expiresAt,
      maxUses: 3,
      uses: 1,
      revokedAt: null,
      revokedBy: null,
    });
    const r = await server.staff(admin, '/enrolment-codes');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.text).not.toContain(made.code);
    expect(r.text).not.toContain(made.code.replace(/-/g, ''));
  });

  it('lists the newest first', async () => {
    const first = (await makeCode({ expiresInHours: 1, label: 'first' })).json.id;
    const second = (await makeCode({ expiresInHours: 1, label: 'second' })).json.id;
    const ids = (await listCodes()).map((c) => c.id);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
  });

  it('stores only a hash of the code in the database', async () => {
    const { code } = (await makeCode({ expiresInHours: 1, label: 'hash check' })).json;
    const db = new BetterSqlite3(join(server.dir, 'data', 'kiosk.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = JSON.stringify(db.prepare('SELECT * FROM enrolment_codes').all());
      expect(rows).toContain('hash check');
      expect(rows).not.toContain(code);
      expect(rows).not.toContain(code.replace(/-/g, ''));
    } finally {
      db.close();
    }
  });

  it('is for admins only, like revoking', async () => {
    expect((await server.staff(caseworker, '/enrolment-codes')).status).toBe(403);
    const { id } = (await makeCode({ expiresInHours: 1 })).json;
    const r = await revoke(id, caseworker);
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('admin_only');
  });
});

describe('revoking an enrolment code', () => {
  it('stops it enrolling at once with 403 enrolment_code_revoked, and audits who revoked it', async () => {
    const made = (await makeCode({ expiresInHours: 24, label: 'lost note' })).json;
    expect((await enrol(made.code)).status).toBe(201);
    expect((await revoke(made.id)).status).toBe(204);
    const refused = await enrol(made.code);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('enrolment_code_revoked');
    expect((await listCodes()).find((c) => c.id === made.id)).toMatchObject({ revokedAt: expect.any(String), revokedBy: 'admin', uses: 1 });
    const audit = (await server.staff(admin, `/audit?target=${made.id}`)).json.entries as { action: string; actor: string }[];
    expect(audit.map((e) => [e.action, e.actor])).toEqual([
      ['revoke_enrolment_code', 'admin'],
      ['create_enrolment_code', 'admin'],
    ]);
  });

  it('answers 404 for an unknown id and for a code revoked already, auditing nothing more', async () => {
    const { id } = (await makeCode({ expiresInHours: 1 })).json;
    expect((await revoke(id)).status).toBe(204);
    expect((await revoke(id)).status).toBe(404);
    expect((await revoke('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await revoke('not-an-id')).status).toBe(404);
    const audit = (await server.staff(admin, `/audit?target=${id}&action=revoke_enrolment_code`)).json.entries;
    expect(audit).toHaveLength(1);
  });
});

describe('limits of a code', () => {
  it('enrols only the kind it was made for: 403 enrolment_code_wrong_kind', async () => {
    const { code } = (await makeCode({ expiresInHours: 1, kind: 'tablet' })).json;
    const wrong = await enrol(code, 'kiosk');
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('enrolment_code_wrong_kind');
    expect((await enrol(code, 'tablet')).status).toBe(201);
  });

  it('enrols at most maxUses devices, even when they ask at the same time: then 403 enrolment_code_used_up', async () => {
    const { id, code } = (await makeCode({ expiresInHours: 1, maxUses: 2 })).json;
    const answers = await Promise.all(Array.from({ length: 5 }, () => enrol(code)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 403, 403, 403]);
    expect(answers.filter((r) => r.status === 403).every((r) => r.json.error.code === 'enrolment_code_used_up')).toBe(true);
    expect((await listCodes()).find((c) => c.id === id)).toMatchObject({ uses: 2, maxUses: 2 });
  });

  it('names the code that enrolled a device in the device\'s audit entry', async () => {
    const made = (await makeCode({ expiresInHours: 1 })).json;
    const device = (await enrol(made.code)).json;
    const [entry] = (await server.staff(admin, `/audit?target=${device.deviceId}&action=enrol_device`)).json.entries;
    expect(entry.detail).toEqual({ kind: 'kiosk', via: 'admin_code', code: made.id });
  });
});
