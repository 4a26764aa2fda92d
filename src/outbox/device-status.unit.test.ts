import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxDb } from './db.ts';
import { readDeviceStatus } from './device-status.ts';
import { DB_NAME } from './records.ts';
import { makeServerKeys, storeDevice, testDevice } from './outbox.fixtures.ts';

async function databaseExists(): Promise<boolean> {
  return (await indexedDB.databases()).some((d) => d.name === DB_NAME);
}

afterEach(async () => {
  await outboxDb().delete({ disableAutoOpen: false });
});

describe('readDeviceStatus', () => {
  it('says not enrolled, and does not create the database, on a fresh device', async () => {
    expect(await readDeviceStatus()).toEqual({ enrolled: false });
    expect(await databaseExists()).toBe(false);
  });

  it('leaves Dexie to create the database afterwards, at its own version and schema', async () => {
    await readDeviceStatus();
    const db = outboxDb();
    await db.outbox.count();
    expect(db.verno).toBe(1);
    expect(db.backendDB().version).toBe(10);
    expect([...db.backendDB().objectStoreNames].sort()).toEqual(['device', 'outbox']);
  });

  it('reads the name and kind of an enrolled device', async () => {
    const { serverKey } = await makeServerKeys();
    await storeDevice(testDevice(serverKey, { name: 'Kiosk i forhallen', kind: 'kiosk' }));
    expect(await readDeviceStatus()).toEqual({ enrolled: true, name: 'Kiosk i forhallen', kind: 'kiosk' });
  });

  it('says not enrolled when the database exists without an enrolment', async () => {
    await outboxDb().outbox.count();
    expect(await readDeviceStatus()).toEqual({ enrolled: false });
  });

  it('does not hold a connection that would block Dexie', async () => {
    await outboxDb().outbox.count();
    outboxDb().close({ disableAutoOpen: false });
    await readDeviceStatus();
    // Deleting waits for every connection to close; it would hang on one left open.
    await outboxDb().delete({ disableAutoOpen: false });
    expect(await databaseExists()).toBe(false);
  });

  it('rejects with a StorageError where IndexedDB is refused', async () => {
    const refusing = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    await expect(readDeviceStatus(refusing)).rejects.toMatchObject({ name: 'StorageError', operation: 'device-status.read' });
  });
});
