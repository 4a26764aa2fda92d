/** Fixtures for the tablet's unit tests. Not imported by the app. */

/** Every string in every object store of an IndexedDB database, keys included, bytes decoded as UTF-8 too. */
export async function everyStoredText(dbName: string): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores = [...db.objectStoreNames];
  const rows = await Promise.all(
    stores.flatMap((name) => {
      const store = db.transaction(name, 'readonly').objectStore(name);
      return [store.getAll(), store.getAllKeys()].map(
        (request) =>
          new Promise<unknown>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      );
    }),
  );
  db.close();
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (value instanceof Uint8Array || value instanceof ArrayBuffer) texts.push(new TextDecoder().decode(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(rows);
  return texts;
}

/** Low enough to keep the unit tests fast; the product uses PBKDF2_ITERATIONS. */
export const TEST_ITERATIONS = 1000;
