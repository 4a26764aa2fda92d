import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOOKING_HOLD_MINUTES } from '#contract/bookings.ts';
import type { EnrollResponse } from '#contract/v1.ts';
import { newReference } from '#domain/reference.ts';
import { DEFAULT_CONFIG_PATH } from '#server/config.ts';
import { serverRequestTypes } from '#server/request-types.ts';
import { seal } from './seal.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

/**
 * A seat a kiosk reserved online is held for its submission for BOOKING_HOLD_MINUTES: a citizen
 * who walks away before sending does not keep the seat from others. A reservation whose request
 * arrived keeps its seat for good; one whose request arrives after the hold lapsed and the seat
 * went to someone else gets another time proposed, which staff see in "Dagens tider".
 * The server runs in this process: its clock is moved on instead of waiting half an hour.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

function oneSeatConfig(dir: string): string {
  const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
  const day = [{ opens: '08:00', closes: '20:00' }];
  config.openingHours = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, day]));
  config.booking = { slotMinutes: 60, daysAhead: 20, capacity: 1 };
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

function holdTests(label: string, setUp: () => Promise<{ databaseUrl?: string; done: () => Promise<void> }>) {
  describe(`held seats on ${label}`, () => {
    let dir: string;
    let server: TestServer;
    let a: EnrollResponse;
    let b: EnrollResponse;
    let done: () => Promise<void>;
    const auth = (d: EnrollResponse) => ({ Authorization: `Bearer ${d.token}` });
    const free = async (d: EnrollResponse) => ((await server.request('/api/v1/devices/slots', { headers: auth(d) })).json.slots as { slot: string }[]).map((s) => s.slot);
    const book = (d: EnrollResponse, slot: string, reference: string) => server.request('/api/v1/devices/bookings', { method: 'POST', headers: auth(d), body: JSON.stringify({ slot, reference }) });
    const send = async (d: EnrollResponse, slot: string, reference: string) => {
      const payload = { type: 'book-time', schemaVersion: 2, reference, createdAt: new Date().toISOString(), data: { topic: 'get-digital-id', time: slot, name: 'Anne Jensen', phone: '12345678' } };
      const r = await server.submit(d.token, { submissions: [await seal(payload, randomUUID(), d.serverKey)] });
      expect(r.json.results[0].status, r.text).toBe('stored');
    };
    const lookUp = (d: EnrollResponse, reference: string) => server.request(`/api/v1/devices/bookings/${encodeURIComponent(reference)}`, { headers: auth(d) });
    const dayView = async (slot: string) => {
      const staff = await server.login();
      return (await server.staff(staff, `/bookings?date=${slot.slice(0, 10)}`)).json.bookings as { reference: string; slot: string; status: string; proposedSlot: string | null }[];
    };
    /** Moves the server's clock (this process's Date) on by minutes, from where the test began. */
    let base = 0;
    let offsetMs = 0;
    const later = (minutes: number) => {
      if (!vi.isFakeTimers()) {
        base = Date.now();
        offsetMs = 0;
        vi.useFakeTimers({ toFake: ['Date'] });
      }
      offsetMs += minutes * 60_000;
      vi.setSystemTime(base + offsetMs);
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'kiosk-holds-'));
      const env = await setUp();
      done = env.done;
      server = await startTestServer({ dir, kioskConfigPath: oneSeatConfig(dir), registry: serverRequestTypes(), ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : {}) });
      [a, b] = await Promise.all([server.enroll('Kiosk A'), server.enroll('Kiosk B')]);
    });
    afterEach(() => {
      vi.useRealTimers();
    });
    afterAll(async () => {
      await server?.close();
      await done?.();
      rmSync(dir, { recursive: true, force: true });
    });

    it('gives a seat back when the submission it was held for does not come within the hold', async () => {
      const slot = (await free(a))[40]!;
      const walkedAway = newReference();
      expect((await book(a, slot, walkedAway)).status).toBe(201);
      expect(await free(b)).not.toContain(slot);
      expect((await book(b, slot, newReference())).status).toBe(409);
      expect((await dayView(slot)).map((x) => x.reference)).toContain(walkedAway);

      // Just inside the hold the seat is still held; past it, it is free and goes to another kiosk.
      later(BOOKING_HOLD_MINUTES - 1);
      expect(await free(b)).not.toContain(slot);
      later(2);
      expect(await free(b)).toContain(slot);
      expect((await dayView(slot)).map((x) => x.reference)).not.toContain(walkedAway);
      const other = newReference();
      expect((await book(b, slot, other)).status).toBe(201);
      expect(await free(a)).not.toContain(slot);

      // The lapsed request turns up after all: it is treated as sent offline, and another time is proposed.
      await send(a, slot, walkedAway);
      const rows = await dayView(slot);
      expect(rows.find((x) => x.reference === other)).toMatchObject({ status: 'booked' });
      const late = rows.find((x) => x.reference === walkedAway);
      expect(late).toMatchObject({ status: 'proposed' });
      expect(late!.proposedSlot).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
      expect(late!.proposedSlot).not.toBe(slot);

      // The kiosk that sent it can ask what became of it, in any spelling of the reference; nobody else can.
      const asked = await lookUp(a, walkedAway.toLowerCase().replaceAll('-', ''));
      expect(asked.status).toBe(200);
      expect(asked.json).toMatchObject({ reference: walkedAway, slot, status: 'proposed', proposedSlot: late!.proposedSlot });
      expect(asked.headers.get('cache-control')).toBe('no-store');
      expect((await lookUp(b, walkedAway)).json.error.code).toBe('no_booking');
      expect((await lookUp(b, other)).json).toMatchObject({ status: 'booked', slot });
    });

    it('answers a look-up only to the device that booked, with a valid reference, and names no citizen', async () => {
      const reference = newReference();
      const slot = (await free(a))[80]!;
      expect((await book(a, slot, reference)).status).toBe(201);
      expect((await lookUp(b, reference)).status).toBe(404);
      expect((await server.request(`/api/v1/devices/bookings/${reference}`)).status).toBe(401);
      const staff = await server.login();
      expect((await server.request(`/api/v1/devices/bookings/${reference}`, { headers: { Cookie: staff } })).status).toBe(401);
      for (const bad of [reference.slice(0, -1) + (reference.endsWith('0') ? '1' : '0'), 'x', "' or 1=1 --", '%00', 'A'.repeat(500), '..%2F..%2Fconfig.json']) {
        const r = await server.request(`/api/v1/devices/bookings/${bad}`, { headers: auth(a) });
        expect(r.status, bad).toBe(400);
        expect(r.json.error.code).toBe('invalid_reference');
      }
      const mine = await lookUp(a, reference);
      expect(mine.status).toBe(200);
      expect(Object.keys(mine.json).sort()).toEqual(['createdAt', 'proposedSlot', 'reference', 'slot', 'status']);
    });

    it('keeps a seat for good once its submission has arrived', async () => {
      const slot = (await free(a))[60]!;
      const reference = newReference();
      expect((await book(a, slot, reference)).status).toBe(201);
      await send(a, slot, reference);
      later(BOOKING_HOLD_MINUTES * 10);
      expect(await free(b)).not.toContain(slot);
      expect((await book(b, slot, newReference())).status).toBe(409);
      expect((await dayView(slot)).find((x) => x.reference === reference)).toMatchObject({ status: 'booked' });
    });
  });
}

holdTests('SQLite', async () => ({ done: async () => {} }));

describe.runIf(pgAvailable())('PostgreSQL', () => {
  holdTests('PostgreSQL', async () => {
    const cluster: PgCluster = await startPgCluster();
    return { databaseUrl: await cluster.createDatabase(), done: () => cluster.stop() };
  });
});
