import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedKekPath } from '#server/crypto/key-encryption-key.ts';
import { expectNothingSecret, populate, privateSecrets, readKek } from './at-rest.ts';
import { startTestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

describe.runIf(pgAvailable())('a copy of the PostgreSQL database', () => {
  let cluster: PgCluster;
  let dir: string;
  beforeAll(async () => {
    cluster = await startPgCluster();
    dir = mkdtempSync(join(tmpdir(), 'kiosk-at-rest-pg-'));
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds no private key material and no caseworker note in any row of any table', async () => {
    const databaseUrl = await cluster.createDatabase();
    const server = await startTestServer({ dir, databaseUrl, keyEncryption: {} });
    await populate(server);
    await server.close();

    // What a role with read access, or pg_dump, would see: every row of every table.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rows.map((t) => t.table_name)).toContain('key_pairs');
      const keys = await client.query('SELECT * FROM key_pairs');
      const kek = readKek(generatedKekPath(join(dir, 'data')));
      const secrets = privateSecrets(
        kek,
        keys.rows.map((r) => ({ kid: r.kid, algorithm: r.algorithm, publicJwk: JSON.parse(r.public_jwk), sealedPrivateKey: r.sealed_private_key, createdAt: r.created_at })),
      );
      for (const { table_name } of tables.rows) {
        const rows = await client.query(`SELECT * FROM "${table_name}"`);
        expectNothingSecret(`table ${table_name}`, Buffer.from(JSON.stringify(rows.rows), 'utf8'), secrets, kek);
      }
    } finally {
      await client.end();
    }
  }, 120_000);
});
