import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EnrollResponse } from '#contract/v1.ts';
import { SQLITE_FILE } from '#server/store/sqlite.ts';
import { registerTestRequestType, testPayload } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';
import { seal } from './seal.ts';
import { UNDO_021 } from './undo-migrations.ts';

/**
 * Migration 021 (store/migration-ingest-indexes.ts): one unique index on (reference, device_id)
 * instead of two, and no index on the due date. Each index costs every stored envelope a page
 * write, so the list of indexes on `submissions` is held here: adding one is a decision. A
 * database with cases in it, two devices' under one reference among them, is upgraded, and the
 * rule of migration 013 still holds after it: a reference is unique per device, not across devices.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** The indexes on submissions that SQLite and PostgreSQL do not name themselves (the primary key's). */
const INDEXES = ['submissions_assignee', 'submissions_received_at', 'submissions_reference_device', 'submissions_status_type', 'submissions_witness'];

interface Db {
  run(statements: readonly string[]): Promise<void>;
  /** Names of the indexes on submissions, the primary key's left out. */
  indexes(): Promise<string[]>;
}

/**
 * `referenceLookup`: the index a look-up by reference alone uses, where the database's plan says so
 * whatever the table's size (SQLite; PostgreSQL scans a table this small whatever its indexes).
 */
function upgradeTests(
  label: string,
  setUp: () => Promise<{ start: (dir: string) => Promise<TestServer>; db: (dir: string) => Db; done: () => Promise<void> }>,
  referenceLookup?: (dir: string) => string,
) {
  describe(`migration 021 on ${label}`, () => {
    let dir: string;
    let server: TestServer;
    let env: Awaited<ReturnType<typeof setUp>>;
    let kioskA: EnrollResponse;
    let kioskB: EnrollResponse;
    const reference = testPayload().reference;
    const real = testPayload({ reference, data: { name: 'Anne Jensen', message: 'Den rigtige' } });
    let realEnvelope: Awaited<ReturnType<typeof seal>>;
    let othersEnvelope: Awaited<ReturnType<typeof seal>>;
    const status = async (device: EnrollResponse, envelope: unknown) => (await server.submit(device.token, { submissions: [envelope] })).json.results[0].status;

    beforeAll(async () => {
      registerTestRequestType();
      env = await setUp();
      dir = mkdtempSync(join(tmpdir(), 'kiosk-indexes-'));
      server = await env.start(dir);
      kioskA = await server.enroll('Kiosk A');
      kioskB = await server.enroll('Kiosk B');
      realEnvelope = await seal(real, crypto.randomUUID(), kioskA.serverKey);
      othersEnvelope = await seal(testPayload({ reference, data: { name: 'Bo', message: 'En anden kiosk' } }), crypto.randomUUID(), kioskB.serverKey);
      expect(await status(kioskA, realEnvelope)).toBe('stored');
      expect(await status(kioskB, othersEnvelope)).toBe('stored');
      // The database as a server before migration 021 left it, then the current server on it.
      await server.close();
      await env.db(dir).run(UNDO_021);
      expect(await env.db(dir).indexes()).toContain('submissions_device_reference');
      server = await env.start(dir);
    });
    afterAll(async () => {
      await server?.close();
      await env?.done();
      rmSync(dir, { recursive: true, force: true });
    });

    it('leaves exactly the indexes ingest needs on submissions', async () => {
      expect((await env.db(dir).indexes()).sort()).toEqual(INDEXES);
    });

    it('keeps a reference unique per device and not across devices after the upgrade', async () => {
      expect(await status(kioskA, realEnvelope)).toBe('duplicate');
      expect(await status(kioskB, othersEnvelope)).toBe('duplicate');
      const changed = await seal({ ...real, data: { name: 'Anne Jensen', message: 'Ændret' } }, crypto.randomUUID(), kioskA.serverKey);
      expect(await status(kioskA, changed)).toBe('conflict');
      // A third device may still use the reference: it is another citizen's receipt.
      const kioskC = await server.enroll('Kiosk C');
      expect(await status(kioskC, await seal(testPayload({ reference }), crypto.randomUUID(), kioskC.serverKey))).toBe('stored');
      const admin = await server.login();
      const listed = (await server.staff(admin, '/submissions?limit=500')).json.submissions as { reference: string; deviceName: string }[];
      expect(listed.filter((s) => s.reference === reference).map((s) => s.deviceName).sort()).toEqual(['Kiosk A', 'Kiosk B', 'Kiosk C']);
    });

    if (referenceLookup) {
      it('finds a case by its reference through the new index', () => {
        expect(referenceLookup(dir)).toBe('submissions_reference_device');
      });
    }
  });
}

function openSqlite<T>(dir: string, work: (db: Database.Database) => T): T {
  const db = new Database(join(dir, 'data', SQLITE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

upgradeTests(
  'SQLite',
  async () => ({
    start: (dir) => startTestServer({ dir }),
    db: (dir) => ({
      run: async (statements) => openSqlite(dir, (db) => statements.forEach((s) => db.exec(s))),
      indexes: async () =>
        openSqlite(dir, (db) =>
          db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'submissions' AND name NOT LIKE 'sqlite_autoindex_%'").all().map((r) => r.name),
        ),
    }),
    done: async () => {},
  }),
  (dir) =>
    openSqlite(dir, (db) => {
      const plan = db.prepare<[], { detail: string }>("EXPLAIN QUERY PLAN SELECT id FROM submissions WHERE reference = 'x'").all().map((p) => p.detail).join(' ');
      return /USING (?:COVERING )?INDEX (\w+)/.exec(plan)?.[1] ?? plan;
    }),
);

describe.runIf(pgAvailable())('PostgreSQL', () => {
  let cluster: PgCluster;
  let databaseUrl: string;
  upgradeTests('PostgreSQL', async () => {
    cluster = await startPgCluster();
    databaseUrl = await cluster.createDatabase();
    const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    };
    return {
      start: (dir) => startTestServer({ dir, databaseUrl }),
      db: () => ({
        run: (statements) =>
          withClient(async (client) => {
            for (const s of statements) await client.query(s);
          }),
        indexes: () =>
          withClient(async (client) => (await client.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'submissions' AND indexname <> 'submissions_pkey'")).rows.map((r) => r.indexname)),
      }),
      done: () => cluster.stop(),
    };
  });
});
