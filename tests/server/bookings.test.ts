import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { newReference } from '#domain/reference.ts';
import { DEFAULT_CONFIG_PATH } from '#server/config.ts';
import { serverRequestTypes } from '#server/request-types.ts';
import { seal } from './seal.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

/** Open every day 08:00–20:00 in one-hour slots, so that tests find free slots whatever day they run. */
function bookingConfig(dir: string, capacity: number): string {
  const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'));
  const day = [{ opens: '08:00', closes: '20:00' }];
  config.openingHours = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, day]));
  config.booking = { slotMinutes: 60, daysAhead: 40, capacity };
  const path = join(dir, `config-${capacity}.json`);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

type Start = (options: { kioskConfigPath: string; limits?: Record<string, number> }) => Promise<TestServer>;

function bookingTests(label: string, start: () => Promise<{ start: Start; done: () => Promise<void> }>) {
  describe(`bookings on ${label}`, { timeout: 120_000 }, () => {
    let dir: string;
    let server: TestServer;
    let kiosks: EnrollResponse[];
    let done: () => Promise<void>;
    let startServer: Start;
    const get = (token: string, query = '') => server.request(`/api/v1/devices/slots${query}`, { headers: { Authorization: `Bearer ${token}` } });
    const book = (token: string, body: unknown, s = server) =>
      s.request('/api/v1/devices/bookings', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const freeSlots = async (token = kiosks[0]!.token): Promise<{ slot: string; free: number }[]> => (await get(token)).json.slots;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'kiosk-bookings-'));
      ({ start: startServer, done } = await start());
      server = await startServer({ kioskConfigPath: bookingConfig(dir, 1) });
      kiosks = await Promise.all([1, 2, 3, 4].map((n) => server.enroll(`Kiosk ${n}`)));
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await done?.();
      rmSync(dir, { recursive: true, force: true });
    });

    it('offers only opening-hour slots in the window, each with its free seats', async () => {
      const r = await get(kiosks[0]!.token);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ slotMinutes: 60, capacity: 1 });
      expect(r.json.slots.length).toBeGreaterThan(100);
      for (const s of r.json.slots) {
        expect(s.slot).toMatch(/^\d{4}-\d{2}-\d{2}T(0[89]|1\d):00$/);
        expect(s.free).toBe(1);
      }
      const later = await get(kiosks[0]!.token, `?from=${r.json.slots.at(-1).slot.slice(0, 10)}&days=3`);
      expect(later.json.slots.every((s: { slot: string }) => s.slot >= r.json.slots.at(-1).slot.slice(0, 10))).toBe(true);
      expect((await get(kiosks[0]!.token, '?from=2020-02-30')).status).toBe(400);
      expect((await get(kiosks[0]!.token, '?days=61')).status).toBe(400);
      expect((await get(kiosks[0]!.token, '?evil=1')).status).toBe(400);
    });

    it('lets exactly one of 20 kiosks racing for a slot of capacity 1 have it; the rest get 409 with free alternatives', async () => {
      const slot = (await freeSlots()).at(10)!.slot;
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => book(kiosks[i % 4]!.token, { slot, reference: newReference() })));
      const won = answers.filter((a) => a.status === 201);
      const lost = answers.filter((a) => a.status === 409);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      expect(won[0]!.json).toMatchObject({ slot, status: 'booked' });
      for (const l of lost) {
        expect(l.json.error.code).toBe('slot_taken');
        expect(l.json.alternatives.length).toBeGreaterThan(0);
        expect(l.json.alternatives).not.toContain(slot);
      }
      const after = await freeSlots();
      expect(after.some((s) => s.slot === slot)).toBe(false);
      // An alternative offered is really free: booking it succeeds.
      expect((await book(kiosks[1]!.token, { slot: lost[0]!.json.alternatives[0], reference: newReference() })).status).toBe(201);
    });

    it('answers a retry of the same booking with the booking, and refuses a second slot for one reference', async () => {
      const [a, b] = (await freeSlots()).slice(0, 2);
      const reference = newReference();
      const first = await book(kiosks[2]!.token, { slot: a!.slot, reference });
      expect(first.status).toBe(201);
      const again = await book(kiosks[2]!.token, { slot: a!.slot, reference: reference.toLowerCase() });
      expect(again.status).toBe(200);
      expect(again.json).toEqual(first.json);
      const other = await book(kiosks[2]!.token, { slot: b!.slot, reference });
      expect(other.status).toBe(409);
      expect(other.json.error.code).toBe('reference_booked');
    });

    it('refuses a slot that is not an offered time with 400, never 5xx', async () => {
      const free = (await freeSlots())[0]!.slot;
      const day = free.slice(0, 10);
      const token = kiosks[3]!.token;
      const bad = [
        'tomorrow', '', `${day}T25:00`, `${day}T10:99`, '2026-02-30T10:00', `${day} 10:00`, `${day}T10:00:00`, `${day}T07:00`, `${day}T20:00`,
        `${day}T10:30`, '2000-01-03T10:00', '2099-01-05T10:00', "'; drop table bookings; --", `${day}T1٠:00`,
      ];
      for (const slot of bad) {
        const r = await book(token, { slot, reference: newReference() });
        expect([400], `${slot} → ${r.status} ${r.text}`).toContain(r.status);
      }
      expect((await book(token, { slot: free, reference: 'NOT-A-REFERENCE' })).status).toBe(400);
      expect((await book(token, { slot: free, reference: newReference(), citizen: 'Anne' })).status).toBe(400);
      expect((await book(token, { slot: 123, reference: newReference() })).status).toBe(400);
      expect((await book(token, '{"slot":')).status).toBe(400);
      expect((await book('x'.repeat(40), { slot: free, reference: newReference() })).status).toBe(401);
      expect((await server.request('/api/v1/devices/slots')).status).toBe(401);
    });

    it('keeps the day view for staff behind a session, listing bookings by time with the kiosk', async () => {
      expect((await server.request('/api/v1/staff/bookings')).status).toBe(401);
      expect((await server.request('/api/v1/staff/bookings', { headers: { Authorization: `Bearer ${kiosks[0]!.token}` } })).status).toBe(401);
      const staff = await server.login();
      const free = (await freeSlots()).filter((s, _, all) => s.slot.startsWith(all[0]!.slot.slice(0, 10)));
      const [late, early] = [free.at(-1)!.slot, free[0]!.slot];
      const refs = [newReference(), newReference()];
      expect((await book(kiosks[0]!.token, { slot: late, reference: refs[0] })).status).toBe(201);
      expect((await book(kiosks[1]!.token, { slot: early, reference: refs[1] })).status).toBe(201);
      const view = await server.staff(staff, `/bookings?date=${early.slice(0, 10)}`);
      expect(view.status).toBe(200);
      const mine = view.json.bookings.filter((b: { reference: string }) => refs.includes(b.reference));
      expect(mine.map((b: { slot: string }) => b.slot)).toEqual([early, late]);
      expect(mine[0]).toMatchObject({ deviceName: 'Kiosk 2', status: 'booked', seat: 1, submissionId: null });
      expect((await server.staff(staff, '/bookings?date=2026-13-01')).status).toBe(400);
      expect((await server.staff(staff, '/bookings?date=%27%20or%201%3D1')).status).toBe(400);
    });

    it('stops one kiosk token from booking every slot: a cap per device, and the rate limit', async () => {
      const thief = await server.enroll('Stolen kiosk');
      const slots = (await freeSlots(thief.token)).map((s) => s.slot);
      let created = 0;
      let capped: { status: number; json: any } | undefined;
      for (const slot of slots) {
        const r = await book(thief.token, { slot, reference: newReference() });
        if (r.status === 201) created++;
        else {
          capped = r;
          break;
        }
      }
      expect(created).toBe(200);
      expect(capped).toMatchObject({ status: 429, json: { error: { code: 'booking_limit' } } });
      // Others still book.
      expect((await book(kiosks[0]!.token, { slot: (await freeSlots())[0]!.slot, reference: newReference() })).status).toBe(201);

      const tight = await startServer({ kioskConfigPath: bookingConfig(dir, 1), limits: { deviceRequestsPerSecond: 1, deviceBurst: 5 } });
      try {
        const device = await tight.enroll('Fast kiosk');
        const answers = await Promise.all(Array.from({ length: 30 }, () => book(device.token, { slot: 'x', reference: newReference() }, tight)));
        expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(20);
        expect(answers.every((a) => a.status === 429 || a.status === 400)).toBe(true);
      } finally {
        await tight.close();
      }
    });

    it('books a book-time request that arrives offline, or records the time proposed instead when it is full', async () => {
      const kiosk = kiosks[3]!;
      const [wanted, taken] = (await freeSlots()).slice(-2).map((s) => s.slot);
      expect((await book(kiosks[0]!.token, { slot: taken, reference: newReference() })).status).toBe(201);
      const send = async (slot: string) => {
        const reference = newReference();
        const payload = { type: 'book-time', schemaVersion: 2, reference, createdAt: new Date().toISOString(), data: { topic: 'get-digital-id', time: slot, name: 'Anne Jensen', phone: '12345678' } };
        const r = await server.submit(kiosk.token, { submissions: [await seal(payload, randomUUID(), kiosk.serverKey)] });
        expect(r.json.results[0].status, JSON.stringify(r.json)).toBe('stored');
        return reference;
      };
      const bookedRef = await send(wanted!);
      const proposedRef = await send(taken!);
      const staff = await server.login();
      const day = async (slot: string) => (await server.staff(staff, `/bookings?date=${slot.slice(0, 10)}`)).json.bookings as any[];
      const booked = (await day(wanted!)).find((b) => b.reference === bookedRef);
      expect(booked).toMatchObject({ slot: wanted, status: 'booked', source: 'ingest', deviceName: 'Kiosk 4' });
      expect(booked.submissionId).toMatch(/./);
      const proposed = (await day(taken!)).find((b) => b.reference === proposedRef);
      expect(proposed).toMatchObject({ slot: taken, status: 'proposed', seat: null });
      expect(proposed.proposedSlot).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
      expect(proposed.proposedSlot).not.toBe(taken);
      // The booking row holds no citizen data: only the slot, the reference and the device.
      const detail = await server.staff(staff, `/submissions/${booked.submissionId}`);
      expect(detail.json.payload.data.name).toBe('Anne Jensen');
      expect(JSON.stringify(await day(wanted!))).not.toContain('Anne');
    });
  });
}

bookingTests('SQLite', async () => ({ start: (o) => startTestServer({ ...o, registry: serverRequestTypes() }), done: async () => {} }));

describe.runIf(pgAvailable())('PostgreSQL', () => {
  bookingTests('PostgreSQL', async () => {
    const cluster: PgCluster = await startPgCluster();
    const dirs: string[] = [];
    return {
      start: async (o) => {
        const d = mkdtempSync(join(tmpdir(), 'kiosk-bookings-pg-'));
        dirs.push(d);
        return startTestServer({ ...o, registry: serverRequestTypes(), databaseUrl: await cluster.createDatabase(), dir: d });
      },
      done: async () => {
        await cluster.stop();
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
      },
    };
  });
});
