import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';

describe('device events: a PIN wipe on a tablet reaches the audit log', { timeout: 30_000 }, () => {
  let server: TestServer;
  let admin: string;
  const wipe = { kind: 'pin_wipe', at: '2026-12-04T10:15:00.000Z', username: 'sagsbeh.mette' };
  const send = (token: string | undefined, body: unknown) =>
    server.request('/api/v1/devices/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const enrolTablet = async (name: string) => {
    const r = await server.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: ENROLLMENT_CODE, name, kind: 'tablet' }) });
    expect(r.status).toBe(201);
    return r.json as EnrollResponse;
  };
  const wipes = async () => (await server.staff(admin, '/audit?action=tablet_wiped')).json.entries as { actor: string; target: string; detail: Record<string, unknown> }[];

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login();
  }, 60_000);
  afterAll(() => server?.close());

  it('records the wipe as the tablet, with the staff username and the tablet\'s time', async () => {
    const tablet = await enrolTablet('Tablet wiped');
    expect((await send(tablet.token, wipe)).status).toBe(204);
    const entry = (await wipes()).find((e) => e.target === tablet.deviceId);
    expect(entry).toMatchObject({ actor: `device:${tablet.deviceId}`, target: tablet.deviceId, detail: { username: 'sagsbeh.mette', wipedAt: wipe.at } });
  });

  it('needs a living tablet token: none, a wrong one, a revoked tablet or a kiosk is refused and nothing is logged', async () => {
    const before = (await wipes()).length;
    expect((await send(undefined, wipe)).status).toBe(401);
    expect((await send('x'.repeat(43), wipe)).status).toBe(401);
    const revoked = await enrolTablet('Tablet revoked');
    expect((await server.staff(admin, `/devices/${revoked.deviceId}/revoke`, { method: 'POST' })).status).toBe(204);
    expect((await send(revoked.token, wipe)).status).toBe(401);
    const kiosk = await server.enroll('Kiosk');
    const r = await send(kiosk.token, wipe);
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('not_a_tablet');
    expect((await wipes()).length).toBe(before);
  });

  it('refuses anything but a well-formed event with a 400 (no room for citizen data or markup)', async () => {
    const tablet = await enrolTablet('Tablet strict');
    for (const bad of [
      { ...wipe, kind: 'something_else' },
      { ...wipe, at: 'yesterday' },
      { ...wipe, username: '' },
      { ...wipe, username: '<img src=x>' },
      { ...wipe, username: 'a'.repeat(129) },
      { ...wipe, cpr: '0101901234' },
      'not json',
    ]) {
      const r = await send(tablet.token, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.json.error.code).toBeTruthy();
    }
    expect((await wipes()).filter((e) => e.target === tablet.deviceId)).toEqual([]);
  });

  it('records a staff member logging out of a shared tablet apart from a wipe, with the same strictness', async () => {
    const tablet = await enrolTablet('Tablet shared');
    const signOut = { kind: 'sign_out', at: '2026-12-04T11:00:00.000Z', username: 'sagsbeh.bo' };
    expect((await send(tablet.token, signOut)).status).toBe(204);
    const entries = (await server.staff(admin, '/audit?action=tablet_staff_signed_out')).json.entries as { actor: string; target: string; detail: Record<string, unknown> }[];
    expect(entries.find((e) => e.target === tablet.deviceId)).toMatchObject({ actor: `device:${tablet.deviceId}`, detail: { username: 'sagsbeh.bo', signedOutAt: signOut.at } });
    expect((await wipes()).filter((e) => e.target === tablet.deviceId)).toEqual([]);
    expect((await send(tablet.token, { ...signOut, username: '<b>' })).status).toBe(400);
    const kiosk = await server.enroll('Kiosk 2');
    expect((await send(kiosk.token, signOut)).status).toBe(403);
  });
});
