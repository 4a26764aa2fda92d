import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestTypeRegistry as registry } from '#forms/registry.ts';
import { keyCopies, loadServerKeyring, type ServerKeyring } from '#server/crypto/server-key.ts';
import { ingestBatch } from '#server/ingest/ingest-batch.ts';
import { silentLog } from '#server/log.ts';
import { openStore } from '#server/store/open-store.ts';
import type { NewSubmission, Store } from '#server/store/store.ts';
import { registerTestRequestType, testEnvelope } from './fixtures.ts';

/**
 * How ingest uses the store and the key: one transaction per request however many envelopes it
 * holds (group commit), and the private key handed out in several copies so that concurrent
 * unwraps do not queue on one key's lock.
 */
let dir: string;
let store: Store;
let keyring: ServerKeyring;
const deviceId = crypto.randomUUID();
const batches: NewSubmission[][] = [];
/** Sizes of the look-ups ingest made. */
const lookups: number[] = [];

beforeAll(async () => {
  registerTestRequestType();
  dir = mkdtempSync(join(tmpdir(), 'kiosk-ingest-batch-'));
  const real = await openStore({ dataDir: dir, log: silentLog });
  // Counts the store's write calls; everything else is the real store.
  store = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'insertSubmission') return () => Promise.reject(new Error('ingest must not insert item by item'));
      if (prop === 'existingOutcome') return () => Promise.reject(new Error('ingest must not look up item by item'));
      if (prop === 'existingOutcomes') return (probes: unknown[]) => (lookups.push(probes.length), target.existingOutcomes(probes as never));
      if (prop === 'insertSubmissions') return (b: NewSubmission[]) => (batches.push(b), target.insertSubmissions(b));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  keyring = await loadServerKeyring(store, { kek: randomBytes(32), log: silentLog });
  await store.createDevice({ id: deviceId, name: 'Kiosk', kind: 'kiosk', createdAt: new Date().toISOString(), revokedAt: null }, 'hash');
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingestBatch', () => {
  it('looks up and stores a batch of 100 in one store call each, one result per envelope in request order', async () => {
    const envelopes = await Promise.all(Array.from({ length: 100 }, async () => (await testEnvelope(keyring.active)).envelope));
    batches.length = 0;
    lookups.length = 0;
    const results = await ingestBatch([envelopes[0], 'not an envelope', ...envelopes.slice(1), envelopes[0]], { store, keyring, registry, deviceId, deviceKind: 'kiosk' });
    expect(lookups, 'one look-up of the 100 distinct envelopes').toEqual([100]);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((s) => s.envelope.id)).toEqual([...envelopes.map((e) => e.id), envelopes[0]!.id]);
    expect(results.map((r) => r.status)).toEqual(['stored', 'invalid', ...Array(99).fill('stored'), 'duplicate']);
    expect(results.map((r) => r.id)).toEqual([envelopes[0]!.id, '', ...envelopes.slice(1).map((e) => e.id), envelopes[0]!.id]);
  });

  it('makes no store call for a batch with nothing new to store', async () => {
    const { envelope } = await testEnvelope(keyring.active);
    await ingestBatch([envelope], { store, keyring, registry, deviceId, deviceKind: 'kiosk' });
    batches.length = 0;
    expect((await ingestBatch([envelope, { id: 'x' }], { store, keyring, registry, deviceId, deviceKind: 'kiosk' })).map((r) => r.status)).toEqual(['duplicate', 'invalid']);
    expect(batches).toEqual([]);
  });
});

describe('server keyring', () => {
  it('hands out the private key in several copies, in turn', async () => {
    const kid = keyring.active.kid;
    const copies = keyCopies();
    expect(copies).toBeGreaterThanOrEqual(2);
    const handed = await Promise.all(Array.from({ length: copies * 2 }, () => keyring.privateKey(kid)));
    expect(new Set(handed).size).toBe(copies);
    expect(handed.slice(0, copies)).toEqual(handed.slice(copies));
    expect(await keyring.privateKey('no-such-kid')).toBeUndefined();
  });
});
