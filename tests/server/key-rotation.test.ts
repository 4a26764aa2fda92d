import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxDb } from '#outbox/db.ts';
import { readDevice } from '#outbox/device.ts';
import { enrol } from '#outbox/enrol.ts';
import { memoryLock } from '#outbox/lock.ts';
import { submit } from '#outbox/submit.ts';
import { syncOutbox } from '#outbox/sync.ts';
import { clearOutboxDb } from '#outbox/outbox.fixtures.ts';
import { rotateServerKey } from '#server/cli-rotate-key.ts';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import type { Store } from '#server/store/store.ts';
import { TEST_TYPE } from './fixtures.ts';
import { ENROLLMENT_CODE, startTestServer, type TestServer } from './harness.ts';

/**
 * A key rotation while a kiosk holds queued envelopes, through the real device code (src/outbox on
 * fake-indexeddb) against the real server: nothing sealed before is lost, and new work is sealed
 * for the new key once the device has learnt it.
 */
const kek = randomBytes(32);
let server: TestServer;
let cli: Store;

beforeAll(async () => {
  // keyRefreshMs 0: the server looks for a rotated key at every device contact, so the test need not wait.
  server = await startTestServer({ keyEncryption: { key: kek.toString('base64') }, keyRefreshMs: 0 });
  // The CLI's own connection to the same database, as `cli.ts rotate-server-key` opens it.
  cli = await openStore({ dataDir: join(server.dir, 'data'), log: silentLog, kek });
}, 60_000);
afterAll(async () => {
  await clearOutboxDb();
  await cli?.close();
  await server?.close();
});

const queue = (count: number, label: string) =>
  Promise.all(Array.from({ length: count }, (_, i) => submit({ type: TEST_TYPE, data: { name: `Borger ${label} ${i}`, message: `${label} ${i}` } })));
const queuedKids = async () => (await outboxDb().outbox.toArray()).filter((item) => item.status === 'queued').map((item) => item.envelope!.kid);

describe('rotating the server key while devices hold queued envelopes', () => {
  it('stores and opens everything queued before, and seals new work for the new key after the next contact', async () => {
    await enrol({ serverUrl: server.url, code: ENROLLMENT_CODE, name: 'Kiosk ved indgangen', kind: 'kiosk' }, { persist: async () => true });
    // The device seals for the server's EC key (the key-agreement envelope); the CLI rotates it with the RSA key.
    const oldRsaKid = (await readDevice())!.serverKey.kid;
    const oldKid = (await readDevice())!.serverKey.ecdh!.kid;
    await queue(3, 'before');
    expect(await queuedKids()).toEqual([oldKid, oldKid, oldKid]);

    const { kid: newRsaKid, former: formerRsa, ecdh } = await rotateServerKey(cli, kek);
    const { kid: newKid, former } = ecdh;
    expect(formerRsa).toBe(oldRsaKid);
    expect(former).toBe(oldKid);
    expect(newKid).not.toBe(oldKid);

    // Sent after the rotation, still sealed for the former key: all stored, and the device learns the new key.
    const first = await syncOutbox({ lock: memoryLock() });
    expect(first).toMatchObject({ outcome: 'done', stored: 3, rejected: 0 });
    expect((await readDevice())!.serverKey).toMatchObject({ kid: newRsaKid, ecdh: { kid: newKid } });

    await queue(2, 'after');
    expect(await queuedKids()).toEqual([newKid, newKid]);
    const second = await syncOutbox({ lock: memoryLock() });
    expect(second).toMatchObject({ outcome: 'done', stored: 2, rejected: 0 });

    // Staff read all five, whichever key sealed them.
    const cookie = await server.login();
    const list = await server.staff(cookie, '/submissions');
    expect(list.json.total).toBe(5);
    const kids: string[] = [];
    const names: string[] = [];
    for (const item of list.json.submissions as { id: string }[]) {
      const detail = await server.staff(cookie, `/submissions/${item.id}`);
      expect(detail.status, detail.text).toBe(200);
      names.push(detail.json.payload.data.name);
      kids.push((await cli.submission(item.id))!.envelope.kid);
    }
    expect(names.sort()).toEqual(['Borger after 0', 'Borger after 1', 'Borger before 0', 'Borger before 1', 'Borger before 2']);
    expect(kids.filter((k) => k === oldKid)).toHaveLength(3);
    expect(kids.filter((k) => k === newKid)).toHaveLength(2);

    // A new device gets the new key at enrolment; the rotation is audited.
    const fresh = await server.enroll('Tablet 2');
    expect(fresh.serverKey).toMatchObject({ kid: newRsaKid, ecdh: { kid: newKid } });
    const audit = await server.staff(cookie, '/audit?action=rotate_server_key');
    expect(audit.json.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'system:cli', target: newRsaKid, detail: { algorithm: 'RSA-OAEP-256', former: oldRsaKid } }),
        expect.objectContaining({ actor: 'system:cli', target: newKid, detail: { algorithm: 'ECDH-P256', former: oldKid } }),
      ]),
    );
    expect(audit.json.entries).toHaveLength(2);
  }, 60_000);
});
