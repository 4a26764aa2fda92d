import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxDb, withStorage } from './db.ts';
import { StorageError, storageErrorKind } from './errors.ts';
import { DEVICE_KEY } from './records.ts';
import { clearOutboxDb, makeServerKeys, testDevice } from './outbox.fixtures.ts';

afterEach(clearOutboxDb);

describe('withStorage', () => {
  it('reconnects after the browser closed the database under it', async () => {
    const { serverKey } = await makeServerKeys();
    await withStorage('device.put', (db) => db.device.put(testDevice(serverKey), DEVICE_KEY));
    // fake-indexeddb's typings declare the class, not an instance, as the argument.
    forceCloseDatabase(outboxDb().backendDB() as unknown as typeof IDBDatabase);
    expect(outboxDb().isOpen()).toBe(false);
    const device = await withStorage('device.read', (db) => db.device.get(DEVICE_KEY));
    expect(device?.name).toBe('Kiosk 1');
  });

  it('reconnects after another context closed it for an upgrade or a delete', async () => {
    await withStorage('outbox.count', (db) => db.outbox.count());
    outboxDb().close({ disableAutoOpen: false });
    await expect(withStorage('outbox.count', (db) => db.outbox.count())).resolves.toBe(0);
  });

  it('reopens once after a closed connection, then says where it failed', async () => {
    let calls = 0;
    const failure = withStorage('outbox.put', async () => {
      calls++;
      throw new Dexie.DatabaseClosedError();
    });
    await expect(failure).rejects.toMatchObject({ name: 'StorageError', operation: 'outbox.put', kind: 'closed' });
    expect(calls).toBe(2);
  });

  it('turns a full disk into a quota StorageError without retrying', async () => {
    let calls = 0;
    const failure = withStorage('outbox.put', async () => {
      calls++;
      throw new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError'));
    });
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toMatchObject({ kind: 'quota', message: expect.stringMatching(/^outbox\.put: quota/) });
    expect(calls).toBe(1);
  });

  it('lets errors that are not storage failures through unchanged', async () => {
    const bug = new TypeError('not a storage failure');
    await expect(withStorage('outbox.put', async () => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe('storageErrorKind', () => {
  it.each([
    [new DOMException('full', 'QuotaExceededError'), 'quota'],
    [new Dexie.QuotaExceededError('full'), 'quota'],
    [new Dexie.DatabaseClosedError(), 'closed'],
    [new DOMException('closing', 'InvalidStateError'), 'closed'],
    [new Dexie.OpenFailedError('open', new DOMException('old', 'VersionError')), 'blocked'],
    [new Error('something else'), 'unknown'],
    ['a string', 'unknown'],
  ])('classifies %s as %s', (cause, kind) => {
    expect(storageErrorKind(cause)).toBe(kind);
  });
});
