import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { describeAuditAppendOnly } from './audit-append-only.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

describe.runIf(pgAvailable())('audit log on PostgreSQL', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  describeAuditAppendOnly(async () => {
    const databaseUrl = await cluster.createDatabase();
    const store = await openStore({ databaseUrl, dataDir: '/nonexistent', log: silentLog });
    // A separate client, as psql would connect: the trigger, not the server's code, refuses.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return {
      store,
      raw: (statement) => client.query(statement),
      async close() {
        await client.end();
        await store.close();
      },
    };
  });
});
