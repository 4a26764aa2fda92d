import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateServerKey } from '#server/cli-rotate-key.ts';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import { testPayload } from './fixtures.ts';
import { startTestServer, TEST_KEK, type TestServer } from './harness.ts';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster.ts';
import { seal } from './seal.ts';
import { sealEcdh } from './seal-ecdh.ts';

/** Both kinds of envelope on PostgreSQL, with two processes that made their keys in a race. */
describe.runIf(pgAvailable())('RSA and key-agreement envelopes with two servers on one PostgreSQL', () => {
  let cluster: PgCluster;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) await s.close();
    await cluster?.stop();
  });

  it('hand out one EC key, store both kinds from one batch, and open the former EC key\'s envelopes after a rotation', async () => {
    const databaseUrl = await cluster.createDatabase();
    servers.push(...(await Promise.all([startTestServer({ databaseUrl, keyRefreshMs: 0 }), startTestServer({ databaseUrl, keyRefreshMs: 0 })])));
    const [a, b] = servers as [TestServer, TestServer];
    const device = await a.enroll('Kiosk A');
    expect((await b.enroll('Kiosk B')).serverKey).toEqual(device.serverKey);

    const payloads = [testPayload(), testPayload(), testPayload()];
    const rsa = await seal(payloads[0]!, randomUUID(), device.serverKey);
    const ec = await sealEcdh(payloads[1]!, randomUUID(), device.serverKey.ecdh!);
    const ecLater = await sealEcdh(payloads[2]!, randomUUID(), device.serverKey.ecdh!);
    const r = await a.submit(device.token, { submissions: [rsa, ec] });
    expect(r.json.results.map((x: { status: string }) => x.status)).toEqual(['stored', 'stored']);

    const cli = await openStore({ databaseUrl, dataDir: '/nonexistent', log: silentLog, kek: TEST_KEK });
    const { ecdh } = await rotateServerKey(cli, TEST_KEK);
    await cli.close();
    const fromB = await b.submit(device.token, { submissions: [ecLater] });
    expect(fromB.json.results[0].status).toBe('stored');
    expect(fromB.json.serverKey.ecdh.kid).toBe(ecdh.kid);

    const cookie = await b.login();
    for (const [i, envelope] of [rsa, ec, ecLater].entries()) {
      const detail = await b.staff(cookie, `/submissions/${envelope.id}`);
      expect(detail.status, detail.text).toBe(200);
      expect(detail.json.payload).toEqual(payloads[i]);
    }
  }, 120_000);
});
