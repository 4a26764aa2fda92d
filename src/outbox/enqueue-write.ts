import type { ServerKey } from '#contract/v1.ts';
import type { OutboxDatabase } from './db.ts';
import { DEVICE_KEY, DEVICE_TABLE, OUTBOX_TABLE, type DeviceRecord, type OutboxItem } from './records.ts';

/**
 * The outbox write of a submit, straight on IndexedDB: one readwrite transaction that resolves once
 * committed. Dexie's add does the same through its promise and middleware layers, which cost the
 * submit more than the write itself; nothing of the page watches the outbox through Dexie (no
 * liveQuery), and the 'queued' event tells the page and the other contexts.
 */

/** Adds one new item; rejects with the transaction's error (a duplicate id, a full disk) when it aborted. */
export function addItem(db: OutboxDatabase, item: OutboxItem): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.backendDB().transaction(OUTBOX_TABLE, 'readwrite');
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(abortError(transaction));
    transaction.objectStore(OUTBOX_TABLE).add(item);
  });
}

export type KeyedAdd = 'stored' | 'not-enrolled' | 'other-key';

/**
 * Adds one new item sealed to `sealedTo`, in the same transaction that reads the device record, and
 * only if the device is still enrolled with that server key: otherwise the transaction is aborted
 * (nothing stored) and the answer says why, so the caller seals again to the key the record holds.
 * The read and the write go to IndexedDB together: one round trip instead of two.
 */
export function addItemIfSealedFor(db: OutboxDatabase, item: OutboxItem, sealedTo: string): Promise<KeyedAdd> {
  return new Promise((resolve, reject) => {
    const transaction = db.backendDB().transaction([DEVICE_TABLE, OUTBOX_TABLE], 'readwrite');
    let refused: KeyedAdd | undefined;
    const device = transaction.objectStore(DEVICE_TABLE).get(DEVICE_KEY);
    device.onsuccess = () => {
      const record = device.result as DeviceRecord | undefined;
      if (!record) refused = 'not-enrolled';
      else if (serverKeyId(record.serverKey) !== sealedTo) refused = 'other-key';
      // Aborting here undoes the add below, which IndexedDB runs after this read.
      if (refused) transaction.abort();
    };
    transaction.objectStore(OUTBOX_TABLE).add(item);
    transaction.oncomplete = () => resolve('stored');
    transaction.onabort = () => (refused ? resolve(refused) : reject(abortError(transaction)));
  });
}

/** A server key's identity for comparing: everything a seal uses (kid, the RSA key, the EC key). */
export function serverKeyId(serverKey: ServerKey): string {
  return JSON.stringify(serverKey);
}

function abortError(transaction: IDBTransaction): DOMException {
  return transaction.error ?? new DOMException('The transaction was aborted', 'AbortError');
}
