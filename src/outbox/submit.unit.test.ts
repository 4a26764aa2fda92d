import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxDb } from './db.ts';
import { NotEnrolledError, StorageError, SubmissionInvalidError, SubmissionTooLargeError } from './errors.ts';
import { onOutbox } from './events.ts';
import { isValidReference } from '#domain/reference.ts';
import { submit } from './submit.ts';
import {
  TEST_TYPE,
  clearOutboxDb,
  everyStoredString,
  makeServerKeys,
  openEnvelope,
  registerTestRequestType,
  storeDevice,
  testDevice,
  type TestServerKeys,
} from './outbox.fixtures.ts';

const MARKER = 'MARKER-Æblevej-7f3c';
let keys: TestServerKeys;

beforeAll(async () => {
  registerTestRequestType();
  keys = await makeServerKeys();
});
beforeEach(() => storeDevice(testDevice(keys.serverKey)));
afterEach(clearOutboxDb);

describe('submit', () => {
  it('queues one sealed envelope and returns the receipt', async () => {
    const now = new Date('2025-03-01T12:00:00.000Z');
    const receipt = await submit({ type: TEST_TYPE, data: { note: MARKER } }, { now: () => now });
    expect(receipt).toMatchObject({ type: TEST_TYPE, createdAt: now.toISOString() });
    expect(receipt.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(isValidReference(receipt.reference)).toBe(true);

    const items = await outboxDb().outbox.toArray();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: receipt.id, reference: receipt.reference, status: 'queued', attempts: 0, nextAttemptAt: now.getTime(), schemaVersion: 1 });
    expect(await openEnvelope(items[0].envelope!, keys.privateKey)).toEqual({
      type: TEST_TYPE,
      schemaVersion: 1,
      reference: receipt.reference,
      createdAt: receipt.createdAt,
      data: { note: MARKER },
    });
  });

  it('stores no plaintext of the citizen’s answers anywhere in the database', async () => {
    await submit({ type: TEST_TYPE, data: { note: MARKER, email: 'jens@example.dk' }, assisted: true });
    const strings = await everyStoredString();
    expect(strings.length).toBeGreaterThan(5);
    for (const value of strings) {
      expect(value).not.toContain('MARKER');
      expect(value).not.toContain('Æblevej');
      expect(value).not.toContain('jens@example.dk');
    }
  });

  it('seals who assisted beside the assisted flag, and refuses an empty or too long name', async () => {
    const receipt = await submit({ type: TEST_TYPE, data: { note: 'ok' }, assisted: true, assistedBy: ' anna.staff ' });
    const item = (await outboxDb().outbox.get(receipt.id))!;
    expect(await openEnvelope(item.envelope!, keys.privateKey)).toMatchObject({ assisted: true, assistedBy: 'anna.staff' });
    await expect(submit({ type: TEST_TYPE, data: { note: 'ok' }, assisted: true, assistedBy: ' ' })).rejects.toMatchObject({ errors: [{ path: 'assistedBy' }] });
    await expect(submit({ type: TEST_TYPE, data: { note: 'ok' }, assisted: true, assistedBy: 'a'.repeat(101) })).rejects.toBeInstanceOf(SubmissionInvalidError);
    expect(await outboxDb().outbox.count()).toBe(1);
  });

  it('sends only the fields the schema knows', async () => {
    await submit({ type: TEST_TYPE, data: { note: 'ok', stray: MARKER } });
    const [item] = await outboxDb().outbox.toArray();
    expect((await openEnvelope(item.envelope!, keys.privateKey)).data).toEqual({ note: 'ok' });
  });

  it('stores nothing when validation fails, and says which fields', async () => {
    const failure = submit({ type: TEST_TYPE, data: { note: '', email: MARKER } });
    await expect(failure).rejects.toBeInstanceOf(SubmissionInvalidError);
    await expect(failure).rejects.toMatchObject({ errors: [{ path: 'note' }, { path: 'email' }] });
    expect(await outboxDb().outbox.count()).toBe(0);
  });

  it('refuses an unknown request type', async () => {
    await expect(submit({ type: 'no-such-form', data: {} })).rejects.toMatchObject({ errors: [{ code: 'unknown_type' }] });
  });

  it('refuses when the device is not enrolled, storing nothing', async () => {
    await clearOutboxDb();
    await expect(submit({ type: TEST_TYPE, data: { note: MARKER } })).rejects.toBeInstanceOf(NotEnrolledError);
    expect(await outboxDb().outbox.count()).toBe(0);
  });

  it('refuses what the server could never accept (over 2 MiB sealed)', async () => {
    await expect(submit({ type: TEST_TYPE, data: { note: 'x'.repeat(2 * 1024 * 1024) } })).rejects.toBeInstanceOf(SubmissionTooLargeError);
    expect(await outboxDb().outbox.count()).toBe(0);
  });

  it('asks for a sync once the envelope is committed', async () => {
    const queued: string[] = [];
    const off = onOutbox('queued', ({ id }) => queued.push(id));
    const receipt = await submit({ type: TEST_TYPE, data: { note: 'ok' } });
    off();
    expect(queued).toEqual([receipt.id]);
  });

  it('seals to the key the device holds now, not the one the last submit used, after a new enrolment', async () => {
    await submit({ type: TEST_TYPE, data: { note: 'before' } });
    const rotated = await makeServerKeys('rotated-kid');
    await storeDevice(testDevice(rotated.serverKey));
    const receipt = await submit({ type: TEST_TYPE, data: { note: MARKER } });
    const items = await outboxDb().outbox.toArray();
    expect(items).toHaveLength(2);
    const item = items.find((i) => i.id === receipt.id)!;
    expect(item.envelope!.kid).toBe('rotated-kid');
    expect((await openEnvelope(item.envelope!, rotated.privateKey)).data).toEqual({ note: MARKER });
    await expect(openEnvelope(item.envelope!, keys.privateKey)).rejects.toBeDefined();
  });

  it('stores nothing and says so when the device was unenrolled since the last submit', async () => {
    await submit({ type: TEST_TYPE, data: { note: 'before' } });
    await outboxDb().device.clear();
    await expect(submit({ type: TEST_TYPE, data: { note: MARKER } })).rejects.toBeInstanceOf(NotEnrolledError);
    expect(await outboxDb().outbox.count()).toBe(1);
  });

  it('reads the staff credential of the device record for every assisted submit', async () => {
    await submit({ type: TEST_TYPE, data: { note: 'before' } });
    const staffCredential = { credential: 'cred-1', username: 'mette', expiresAt: '2100-01-01T00:00:00.000Z' };
    await storeDevice(testDevice(keys.serverKey, { staffCredential }));
    const receipt = await submit({ type: TEST_TYPE, data: { note: 'assisted' }, assisted: true, assistedBy: 'mette' });
    expect((await outboxDb().outbox.get(receipt.id))!.envelope!.staffCredential).toBe('cred-1');
  });

  it('throws a StorageError naming the write when the database fails', async () => {
    // The write's transaction aborts with the browser's quota error, as IndexedDB reports a full disk.
    const db = outboxDb();
    const backendDB = db.backendDB;
    db.backendDB = () =>
      ({
        transaction: () => {
          const transaction = {
            error: new DOMException('disk full', 'QuotaExceededError'),
            onabort: null as null | (() => void),
            oncomplete: null,
            objectStore: () => ({ get: () => ({}), add: () => queueMicrotask(() => transaction.onabort?.()) }),
          };
          return transaction;
        },
      }) as never;
    try {
      await expect(submit({ type: TEST_TYPE, data: { note: 'ok' } })).rejects.toMatchObject({ name: 'StorageError', operation: 'outbox.put', kind: 'quota' });
      await expect(submit({ type: TEST_TYPE, data: { note: 'ok' } })).rejects.toBeInstanceOf(StorageError);
    } finally {
      db.backendDB = backendDB;
    }
    expect(await db.outbox.count()).toBe(0);
  });
});
