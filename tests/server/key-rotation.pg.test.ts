import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateServerKey } from '#server/cli-rotate-key.ts';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { testEnvelope } from './fixtures.ts';
import { startTestServer, TEST_KEK, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';

describe.runIf(pgAvailable())('rotating the server key with two servers on one PostgreSQL', () => {
  let cluster: PgCluster;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) await s.close();
    await cluster?.stop();
  });

  it('both hand out the new key, and both still open envelopes sealed for the former one', async () => {
    const databaseUrl = await cluster.createDatabase();
    servers.push(await startTestServer({ databaseUrl, keyRefreshMs: 0 }));
    servers.push(await startTestServer({ databaseUrl, keyRefreshMs: 0 }));
    const [a, b] = servers as [TestServer, TestServer];
    const device = await a.enroll('Kiosk A');
    const sealedBefore = await Promise.all([testEnvelope(device.serverKey), testEnvelope(device.serverKey)]);

    const cli = await openStore({ databaseUrl, dataDir: '/nonexistent', log: silentLog, kek: TEST_KEK });
    const { kid, former } = await rotateServerKey(cli, TEST_KEK);
    await cli.close();
    expect(former).toBe(device.serverKey.kid);

    const fromA = await a.submit(device.token, { submissions: [sealedBefore[0]!.envelope] });
    const fromB = await b.submit(device.token, { submissions: [sealedBefore[1]!.envelope] });
    expect([fromA.json.results[0].status, fromB.json.results[0].status]).toEqual(['stored', 'stored']);
    expect([fromA.json.serverKey.kid, fromB.json.serverKey.kid]).toEqual([kid, kid]);
    expect((await b.enroll('Kiosk B')).serverKey.kid).toBe(kid);

    const sealedAfter = await testEnvelope(fromB.json.serverKey);
    expect((await a.submit(device.token, { submissions: [sealedAfter.envelope] })).json.results[0].status).toBe('stored');
    const cookie = await b.login();
    for (const { envelope } of [...sealedBefore, sealedAfter]) expect((await b.staff(cookie, `/submissions/${envelope.id}`)).status).toBe(200);
  }, 120_000);
});
