import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CPR_IN_NOTE, NOTE } from './at-rest.ts';
import { TEST_KEK, startTestServer } from './harness.ts';
import { oldInstallationIn } from './old-installation.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

describe.runIf(pgAvailable())('upgrading a PostgreSQL installation that kept its key and notes in plain text', () => {
  let cluster: PgCluster;
  let dir: string;
  beforeAll(async () => {
    cluster = await startPgCluster();
    dir = mkdtempSync(join(tmpdir(), 'kiosk-upgrade-pg-'));
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals both on the first start; no row holds them any more, and staff still read everything', async () => {
    const databaseUrl = await cluster.createDatabase();
    const old = await oldInstallationIn(new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl }) }) }));
    const server = await startTestServer({ dir, databaseUrl });
    const cookie = await server.login();
    const detail = await server.staff(cookie, `/submissions/${old.id}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.json.history.map((e: { note: string | null }) => e.note)).toContain(`${NOTE} ${CPR_IN_NOTE}`);
    await server.close();

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const tables = (await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).rows.map((r) => r.table_name);
      expect(tables).not.toContain('server_keys');
      for (const table of tables) {
        const text = JSON.stringify((await client.query(`SELECT * FROM "${table}"`)).rows);
        expect(text.includes(old.privateJwk.d!), table).toBe(false);
        expect(text.includes(CPR_IN_NOTE), table).toBe(false);
        expect(text.includes(TEST_KEK.toString('base64')), table).toBe(false);
      }
    } finally {
      await client.end();
    }
  }, 120_000);
});
