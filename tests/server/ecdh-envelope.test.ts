import 'fake-indexeddb/auto';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECDH_ALG, type EnrollResponse, type Envelope } from '#contract/v1.ts';
import { outboxDb } from '#outbox/db.ts';
import { readDevice } from '#outbox/device.ts';
import { enrol } from '#outbox/enrol.ts';
import { memoryLock } from '#outbox/lock.ts';
import { DEVICE_KEY } from '#outbox/records.ts';
import { submit } from '#outbox/submit.ts';
import { syncOutbox } from '#outbox/sync.ts';
import { clearOutboxDb } from '#outbox/outbox.fixtures.ts';
import { rotateServerKey } from '#server/cli-rotate-key.ts';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import type { Store } from '#server/store/store.ts';
import { TEST_TYPE, testPayload } from './fixtures.ts';
import { ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';
import { b64url, seal } from './seal.ts';
import { sealEcdh } from './seal-ecdh.ts';

/**
 * The key-agreement envelope (ECDH-ES P-256 + HKDF-SHA-256 + AES-256-GCM) beside the RSA one, through
 * the real server over HTTP, real SQLite and the real staff API: both kinds in one batch, RSA work a
 * device queued before it knew the EC key, and every way an attacker can bend the new fields.
 */
const kek = randomBytes(32);
let server: TestServer;
let cli: Store;
let device: EnrollResponse;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ keyEncryption: { key: kek.toString('base64') }, keyRefreshMs: 0 });
  cli = await openStore({ dataDir: join(server.dir, 'data'), log: silentLog, kek });
  device = await server.enroll('Kiosk ved indgangen');
  cookie = await server.login();
}, 60_000);
afterAll(async () => {
  await clearOutboxDb();
  await cli?.close();
  await server?.close();
});

const readByStaff = async (id: string) => {
  const detail = await server.staff(cookie, `/submissions/${id}`);
  expect(detail.status, detail.text).toBe(200);
  return detail.json.payload;
};

describe('RSA and key-agreement envelopes', () => {
  it('stores both kinds from one batch, keeps each as sent, and staff read both', async () => {
    const rsaPayload = testPayload({ data: { name: 'Anne Jensen', message: 'RSA' } });
    const ecPayload = testPayload({ data: { name: 'Bo Hansen', message: 'ECDH' } });
    const rsa = await seal(rsaPayload, randomUUID(), device.serverKey);
    const ec = await sealEcdh(ecPayload, randomUUID(), device.serverKey.ecdh!);
    const r = await server.submit(device.token, { submissions: [rsa, ec] });
    expect(r.status).toBe(200);
    expect(r.json.results.map((x: { status: string }) => x.status)).toEqual(['stored', 'stored']);
    expect(r.json.serverKey.ecdh.kid).toBe(device.serverKey.ecdh!.kid);
    expect(await readByStaff(rsa.id)).toEqual(rsaPayload);
    expect(await readByStaff(ec.id)).toEqual(ecPayload);
    // At rest each is the envelope exactly as it arrived (still sealed), its scheme included.
    expect((await cli.submission(rsa.id))!.envelope).toEqual(rsa);
    expect((await cli.submission(ec.id))!.envelope).toEqual(ec);
    // A resend is a duplicate, and the same id under another ephemeral key is a conflict.
    const again = await server.submit(device.token, { submissions: [ec, await sealEcdh(ecPayload, ec.id, device.serverKey.ecdh!)] });
    expect(again.json.results.map((x: { status: string }) => x.status)).toEqual(['duplicate', 'conflict']);
  });

  it('answers every bent key-agreement envelope with `invalid`, never a 5xx, and stores none of them', async () => {
    const ecKey = device.serverKey.ecdh!;
    const fresh = () => sealEcdh(testPayload(), randomUUID(), ecKey);
    const other = await fresh();
    const offCurve = Buffer.from(other.epk!, 'base64url');
    offCurve[64]! ^= 1;
    const [a, b, c, d, e, f, g, h, i] = await Promise.all(Array.from({ length: 9 }, fresh));
    const bent: Record<string, Envelope> = {
      'another ephemeral key': { ...a!, epk: other.epk },
      'an ephemeral key not on P-256': { ...b!, epk: b64url(offCurve) },
      'the point at infinity': { ...c!, epk: b64url(new Uint8Array(65)) },
      'a changed AAD field (createdAt)': { ...d!, createdAt: new Date(Date.parse(d!.createdAt) + 1000).toISOString() },
      'the RSA kid': { ...e!, kid: device.serverKey.kid },
      'an unknown kid': { ...f!, kid: 'no-such-key' },
      'alg without epk': { ...g!, epk: undefined },
      'alg with a wrapped key too': { ...h!, wrappedKey: other.epk },
      'epk without alg (read as RSA)': { ...i!, alg: undefined },
    };
    const before = (await server.staff(cookie, '/submissions')).json.total;
    const r = await server.submit(device.token, { submissions: Object.values(bent) });
    expect(r.status).toBe(200);
    const statuses = Object.fromEntries(Object.keys(bent).map((name, n) => [name, r.json.results[n].status]));
    expect(statuses).toEqual(Object.fromEntries(Object.keys(bent).map((name) => [name, 'invalid'])));
    expect(r.json.results[1].errors).toEqual([{ path: 'epk', code: 'not_a_p256_point' }]);
    expect(r.json.results[4].errors).toEqual([{ path: 'kid', code: 'not_an_ecdh_key' }]);
    expect((await server.staff(cookie, '/submissions')).json.total).toBe(before);
  });

  it('refuses an RSA envelope sealed under the EC kid', async () => {
    const rsa = await seal(testPayload(), randomUUID(), device.serverKey, { kid: device.serverKey.ecdh!.kid });
    const r = await server.submit(device.token, { submissions: [rsa] });
    expect(r.json.results[0]).toMatchObject({ status: 'invalid', errors: [{ path: 'kid', code: 'not_an_rsa_key' }] });
  });
});

describe('a device that queued RSA envelopes before it knew the EC key', () => {
  const queue = (count: number, label: string) =>
    Promise.all(Array.from({ length: count }, (_, i) => submit({ type: TEST_TYPE, data: { name: `Borger ${label} ${i}`, message: `${label} ${i}` } })));
  const queued = async () => (await outboxDb().outbox.toArray()).filter((item) => item.status === 'queued').map((item) => item.envelope!);

  it('delivers them unchanged, then seals new work with the key-agreement envelope', async () => {
    await enrol({ serverUrl: server.url, code: ENROLLMENT_CODE, name: 'Ældre kiosk', kind: 'kiosk' }, { persist: async () => true });
    // As enrolled by a server before the EC key: the device holds the RSA key only.
    const enrolled = (await readDevice())!;
    await outboxDb().device.put({ ...enrolled, serverKey: { kid: enrolled.serverKey.kid, jwk: enrolled.serverKey.jwk } }, DEVICE_KEY);
    await queue(2, 'RSA');
    const rsaQueued = await queued();
    expect(rsaQueued.map((e) => [e.alg, e.kid, typeof e.wrappedKey])).toEqual([
      [undefined, enrolled.serverKey.kid, 'string'],
      [undefined, enrolled.serverKey.kid, 'string'],
    ]);

    // The device learns the EC key from a submissions answer (here after a rotation, which renews both keys).
    const { ecdh } = await rotateServerKey(cli, kek);
    expect(await syncOutbox({ lock: memoryLock() })).toMatchObject({ outcome: 'done', stored: 2, rejected: 0 });
    for (const sent of rsaQueued) expect((await cli.submission(sent.id))!.envelope).toEqual({ ...sent, staffCredential: undefined });
    expect((await readDevice())!.serverKey.ecdh?.kid).toBe(ecdh.kid);

    await queue(1, 'ECDH');
    const [ecQueued] = await queued();
    expect(ecQueued).toMatchObject({ alg: ECDH_ALG, kid: ecdh.kid });
    expect(await syncOutbox({ lock: memoryLock() })).toMatchObject({ outcome: 'done', stored: 1, rejected: 0 });
    for (const sent of [...rsaQueued, ecQueued!]) expect((await readByStaff(sent.id)).data.message).toMatch(/^(RSA|ECDH) \d$/);
  }, 60_000);
});
