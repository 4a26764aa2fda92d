import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { caseDueDate } from '#domain/due-date.ts';
import { calendarDate } from '#domain/dates.ts';
import { SQLITE_FILE } from '#server/store/sqlite.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';
import { UNDO_019, UNDO_020, UNDO_021 } from './undo-migrations.ts';

/**
 * The inbox sorted by due date (`sort=dueAt`): open cases first with the overdue ones at the top,
 * then closed cases; paging through it gives every case once and the same total on every page.
 * Cases arrive on 30 different days (the process clock is moved, the server runs in this process).
 * The second server starts on the same database after migration 019 (and those after it) is
 * undone, so the backfill from the rule data is what is sorted then.
 */

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const DAYS = 30;
const PER_DAY = 8;
const PAGE = 37;
const DAY_MS = 86_400_000;

interface Stored {
  id: string;
  receivedAt: string;
  closed: boolean;
}

type Undo = (dir: string) => Promise<void>;

function dueDateTests(label: string, setUp: () => Promise<{ start: (dir: string) => Promise<TestServer>; undo019: Undo; done: () => Promise<void> }>) {
  describe(`sorting by due date on ${label}`, () => {
    let dir: string;
    let server: TestServer;
    let env: Awaited<ReturnType<typeof setUp>>;
    const stored: Stored[] = [];

    beforeAll(async () => {
      env = await setUp();
      dir = mkdtempSync(join(tmpdir(), 'kiosk-due-'));
      server = await env.start(dir);
      const kiosk = await server.enroll();
      const realNow = Date.now();
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        for (let day = DAYS; day >= 1; day--) {
          vi.setSystemTime(realNow - day * DAY_MS);
          const envelopes = await Promise.all(Array.from({ length: PER_DAY }, async () => (await testEnvelope(kiosk.serverKey)).envelope));
          const r = await server.submit(kiosk.token, { submissions: envelopes });
          expect(r.json.results.every((x: { status: string }) => x.status === 'stored'), r.text).toBe(true);
          for (const e of envelopes) stored.push({ id: e.id, receivedAt: new Date().toISOString(), closed: false });
        }
      } finally {
        vi.useRealTimers();
      }
      // Every fifth case is closed: done or rejected, never overdue whatever its date.
      const admin = await server.login();
      for (const [i, s] of stored.entries()) {
        if (i % 5 !== 0) continue;
        const post = (body: unknown) => server.staff(admin, `/submissions/${s.id}/transition`, { method: 'POST', body: JSON.stringify(body) });
        if (i % 10 === 0) expect((await post({ to: 'rejected', note: 'Ikke relevant.' })).status).toBe(200);
        else {
          expect((await post({ to: 'in_progress' })).status).toBe(200);
          expect((await post({ to: 'done' })).status).toBe(200);
        }
        s.closed = true;
      }
    });
    afterAll(async () => {
      await server?.close();
      await env?.done();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Open first; by due date; then arrival and id, as the server breaks ties. */
    const expected = () =>
      [...stored]
        .map((s) => ({ ...s, dueAt: caseDueDate('test-note', new Date(s.receivedAt)) }))
        .sort((a, b) => Number(a.closed) - Number(b.closed) || a.dueAt.localeCompare(b.dueAt) || a.receivedAt.localeCompare(b.receivedAt) || (a.id < b.id ? -1 : 1));

    async function walk(query = '') {
      const admin = await server.login();
      const seen: { id: string; dueAt: string; status: string }[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const r = await server.staff(admin, `/submissions?sort=dueAt&limit=${PAGE}&offset=${offset}${query}`);
        expect(r.status, r.text).toBe(200);
        expect(r.json.total).toBe(stored.length);
        seen.push(...r.json.submissions);
        if (r.json.submissions.length < PAGE) break;
      }
      return seen;
    }

    it('puts overdue open cases first and closed ones last, paging through every case once', async () => {
      const seen = await walk();
      const want = expected();
      expect(seen.map((s) => s.id)).toEqual(want.map((s) => s.id));
      expect(seen.map((s) => s.dueAt)).toEqual(want.map((s) => s.dueAt));
      expect(new Set(seen.map((s) => s.id)).size).toBe(stored.length);
      const today = calendarDate(new Date());
      const overdue = seen.filter((s) => !['done', 'rejected'].includes(s.status) && s.dueAt < today);
      expect(overdue.length).toBeGreaterThan(20);
      expect(seen.slice(0, overdue.length)).toEqual(overdue);
      const firstClosed = seen.findIndex((s) => ['done', 'rejected'].includes(s.status));
      expect(seen.slice(firstClosed).every((s) => ['done', 'rejected'].includes(s.status))).toBe(true);
    });

    it('keeps the order and totals within a filter, and descending reverses the due dates of open cases', async () => {
      const admin = await server.login();
      const open = await server.staff(admin, `/submissions?sort=dueAt&status=received&limit=500`);
      expect(open.json.total).toBe(stored.filter((s) => !s.closed).length);
      const desc = await server.staff(admin, `/submissions?sort=-dueAt&status=received&limit=500`);
      const dues = desc.json.submissions.map((s: { dueAt: string }) => s.dueAt);
      expect(dues).toEqual([...dues].sort().reverse());
      expect((await server.staff(admin, '/submissions?sort=due')).status).toBe(400);
    });

    it('backfills the due date of cases stored before migration 019, from the same rule data', async () => {
      await server.close();
      await env.undo019(dir);
      server = await env.start(dir);
      const seen = await walk();
      expect(seen.map((s) => s.id)).toEqual(expected().map((s) => s.id));
      expect(seen.map((s) => s.dueAt)).toEqual(expected().map((s) => s.dueAt));
    });
  });
}

// The migrations after 019 are undone first, newest first.
const UNDO_TO_018 = [...UNDO_021, ...UNDO_020, ...UNDO_019];

dueDateTests('SQLite', async () => ({
  start: (dir) => startTestServer({ dir }),
  undo019: async (dir) => {
    const db = new Database(join(dir, 'data', SQLITE_FILE));
    for (const statement of UNDO_TO_018) db.exec(statement);
    db.close();
  },
  done: async () => {},
}));

describe.runIf(pgAvailable())('PostgreSQL', () => {
  let cluster: PgCluster;
  let databaseUrl: string;
  dueDateTests('PostgreSQL', async () => {
    cluster = await startPgCluster();
    databaseUrl = await cluster.createDatabase();
    return {
      start: (dir) => startTestServer({ dir, databaseUrl }),
      undo019: async () => {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        for (const statement of UNDO_TO_018) await client.query(statement);
        await client.end();
      },
      done: () => cluster.stop(),
    };
  });
});
