import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enrollmentCodeWeakness } from '#server/auth/start-up-codes.ts';
import { httpOptionsFromEnv } from '#server/http-env.ts';
import { startTestServer, type TestServer } from './harness.ts';

/** No permanent master code: ENROLLMENT_CODE is checked, stored, expires, is limited and revocable; a fresh install may show a one-hour code on its terminal. */
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kiosk-enrol-start-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const enrol = (s: TestServer, code: string) => s.request('/api/v1/devices/enroll', { method: 'POST', body: JSON.stringify({ code, name: 'Kiosk', kind: 'kiosk' }) });
const codes = async (s: TestServer) => (await s.staff(await s.login(), '/enrolment-codes')).json.codes as { id: string; label: string; expiresAt: string; maxUses: number | null; uses: number; revokedAt: string | null; createdBy: string }[];

describe('ENROLLMENT_CODE strength', () => {
  it.each(['e2e-enrol', 'kiosk', '1234-5678-9012-3456', 'AAAA-AAAA-AAAA-AAAA-AAAA', 'abcdefghijklmnop'])('refuses %s at start with a clear message', (code) => {
    const weakness = enrollmentCodeWeakness(code);
    expect(weakness).toMatch(/^ENROLLMENT_CODE /);
    expect(() => httpOptionsFromEnv({ ENROLLMENT_CODE: code }, { write: () => true })).toThrow(/ENROLLMENT_CODE/);
  });

  it.each(['7K3M-9QXW-4TPA-E2EN', 'TEST-CODE-2468-ACEG-KMPR', 'correct horse battery staple kiosk'])('accepts %s', (code) => {
    expect(enrollmentCodeWeakness(code)).toBeUndefined();
  });
});

describe('ENROLLMENT_CODE as a stored code', { timeout: 60_000 }, () => {
  it('is listed with an expiry and a use limit, is used up, and an admin can revoke it', async () => {
    const s = await startTestServer({ dir: tempDir(), enrollmentCode: 'K7QM-3XRT-9PWA-HN4C', enrollmentCodeHours: 2, enrollmentCodeMaxUses: 2 });
    try {
      const [row] = await codes(s);
      expect(row).toMatchObject({ label: 'ENROLLMENT_CODE (server setting)', maxUses: 2, uses: 0, revokedAt: null, createdBy: 'system:ENROLLMENT_CODE' });
      const hours = (Date.parse(row!.expiresAt) - Date.now()) / 3600_000;
      expect(hours).toBeGreaterThan(1.9);
      expect(hours).toBeLessThanOrEqual(2);
      expect((await enrol(s, 'k7qm-3xrt-9pwa-hn4c')).status).toBe(201);
      expect((await enrol(s, 'K7QM-3XRT-9PWA-HN4C')).status).toBe(201);
      const third = await enrol(s, 'K7QM-3XRT-9PWA-HN4C');
      expect(third.status).toBe(403);
      expect(third.json.error.code).toBe('enrolment_code_used_up');
      const admin = await s.login();
      expect((await s.staff(admin, `/enrolment-codes/${row!.id}/revoke`, { method: 'POST' })).status).toBe(204);
      expect((await codes(s))[0]!.revokedAt).not.toBeNull();
    } finally {
      await s.close();
    }
  });

  it('is not renewed by a restart: a revoked code stays revoked', async () => {
    const dir = tempDir();
    const options = { dir, enrollmentCode: 'P4WD-8ZRT-MX2Q-JN7C' };
    const first = await startTestServer(options);
    const [row] = await codes(first);
    await first.staff(await first.login(), `/enrolment-codes/${row!.id}/revoke`, { method: 'POST' });
    await first.close();
    const second = await startTestServer(options);
    try {
      expect(await codes(second)).toHaveLength(1);
      const r = await enrol(second, 'P4WD-8ZRT-MX2Q-JN7C');
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('enrolment_code_revoked');
    } finally {
      await second.close();
    }
  });
});

describe('without ENROLLMENT_CODE', { timeout: 60_000 }, () => {
  it('makes no code at all when not on a terminal', async () => {
    expect(httpOptionsFromEnv({}, { isTTY: false, write: () => true }).showSetupCode).toBeUndefined();
    const s = await startTestServer({ dir: tempDir(), enrollmentCode: undefined });
    try {
      expect(await codes(s)).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('shows a fresh install one set-up code on its terminal, valid for an hour and a few devices, and not again', async () => {
    let written = '';
    const { showSetupCode } = httpOptionsFromEnv({}, { isTTY: true, write: (t: string) => (written += t) });
    const dir = tempDir();
    const first = await startTestServer({ dir, enrollmentCode: undefined, showSetupCode });
    const code = /\n {4}(\w{4}-\w{4}-\w{4}-\w{4})\n/.exec(written)?.[1];
    expect(code, written).toBeTruthy();
    const [row] = await codes(first);
    expect(row).toMatchObject({ label: 'First-run set-up code', maxUses: 10, createdBy: 'system:setup' });
    expect(Date.parse(row!.expiresAt) - Date.now()).toBeLessThanOrEqual(3600_000);
    expect((await enrol(first, code!)).status).toBe(201);
    await first.close();
    written = '';
    const second = await startTestServer({ dir, enrollmentCode: undefined, showSetupCode });
    try {
      expect(written).toBe('');
      expect(await codes(second)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
