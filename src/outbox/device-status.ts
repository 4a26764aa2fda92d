import { StorageError } from './storage-error.ts';
import { DB_NAME, DEVICE_KEY, DEVICE_TABLE, type DeviceKind, type DeviceRecord } from './records.ts';

/**
 * Whether this device is enrolled, read with raw IndexedDB for the kiosk's start screen, whose
 * JavaScript budget (45 KiB gzip) leaves no room for Dexie. It never creates the database: a
 * first visit would otherwise leave an empty version-1 database behind, which a later Dexie open
 * (native version 10 for its version 1) would have to upgrade with its schema, on the hot path
 * of the first submit. It closes its connection at once and on any versionchange, so it never
 * blocks Dexie.
 */

export interface DeviceStatus {
  enrolled: boolean;
  name?: string;
  kind?: DeviceKind;
}

const NOT_ENROLLED: DeviceStatus = { enrolled: false };

/** Rejects with StorageError when IndexedDB is missing or fails; a missing database is simply "not enrolled". */
export function readDeviceStatus(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<DeviceStatus> {
  const fail = (cause: unknown) => new StorageError('device-status.read', cause);
  return new Promise((resolve, reject) => {
    if (!factory) return reject(fail(new Error('IndexedDB is not available')));
    let created = false;
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME);
    } catch (cause) {
      // Some private modes refuse IndexedDB outright (SecurityError).
      return reject(fail(cause));
    }
    request.onupgradeneeded = (event) => {
      // oldVersion 0: the database did not exist. Aborting the upgrade leaves it not existing.
      if (event.oldVersion === 0) {
        created = true;
        request.transaction?.abort();
      }
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (created) resolve(NOT_ENROLLED);
      else reject(fail(request.error));
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains(DEVICE_TABLE)) {
        db.close();
        return resolve(NOT_ENROLLED);
      }
      try {
        const get = db.transaction(DEVICE_TABLE, 'readonly').objectStore(DEVICE_TABLE).get(DEVICE_KEY);
        get.onsuccess = () => resolve(statusOf(get.result as DeviceRecord | undefined));
        get.onerror = () => reject(fail(get.error));
      } catch (cause) {
        reject(fail(cause));
      } finally {
        // Closing waits for the pending read to finish; it only stops new transactions.
        db.close();
      }
    };
  });
}

function statusOf(device: DeviceRecord | undefined): DeviceStatus {
  return device ? { enrolled: true, name: device.name, kind: device.kind } : NOT_ENROLLED;
}
