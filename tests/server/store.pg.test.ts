import { afterAll, beforeAll, describe } from 'vitest';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';
import { describeStoreContract } from './store-contract.ts';

describe.runIf(pgAvailable())('PostgreSQL', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  describeStoreContract('PostgreSQL', async () => {
    const databaseUrl = await cluster.createDatabase();
    return {
      open: () => openStore({ databaseUrl, dataDir: '/nonexistent', log: silentLog }),
      multiProcess: true,
      // Each test gets its own database; the cluster and all of them go when the file ends.
      remove: async () => {},
    };
  });
});
