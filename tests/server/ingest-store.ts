import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '#contract/v1.ts';
import type { Device, NewSubmission, Store } from '#server/store/store.ts';
import { testReference } from './fixtures.ts';
import type { StoreLocation } from './store-contract.ts';

/**
 * Group commit (Store.insertSubmissions), run against every database: one transaction per batch,
 * yet each item's outcome is the one it would get alone, and a failing batch stores nothing.
 */
export function describeGroupCommitContract(name: string, fresh: () => Promise<StoreLocation>): void {
  describe(`group commit: ${name}`, () => {
    let location: StoreLocation;
    let store: Store;
    const opened: Store[] = [];
    const open = async () => {
      const s = await location.open();
      opened.push(s);
      return s;
    };
    beforeEach(async () => {
      location = await fresh();
      store = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await location.remove();
    });

    const device = async (): Promise<Device> => {
      const d: Device = { id: randomUUID(), name: 'Kiosk', kind: 'kiosk', createdAt: new Date().toISOString(), revokedAt: null };
      await store.createDevice(d, `hash-${d.id}`);
      return d;
    };
    const envelope = (overrides: Partial<Envelope> = {}): Envelope => ({
      id: randomUUID(),
      reference: testReference(),
      type: 'test-note',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      kid: 'kid-1',
      iv: 'AAAAAAAAAAAAAAAA',
      wrappedKey: 'd3JhcHBlZA',
      ciphertext: randomUUID().replace(/-/g, ''),
      ...overrides,
    });
    const submission = (deviceId: string, e: Envelope = envelope(), contentHash = `hash-of-${e.ciphertext}`): NewSubmission => ({
      envelope: e,
      contentHash,
      deviceId,
      receivedAt: new Date().toISOString(),
    });

    it('answers each item as it would be answered alone, earlier items of the batch included', async () => {
      const d = await device();
      const before = submission(d.id);
      expect(await store.insertSubmission(before)).toBe('stored');
      const a = submission(d.id);
      const b = submission(d.id);
      const batch = [
        a,
        a,
        submission(d.id, { ...a.envelope, ciphertext: 'changed' }, 'other-hash'),
        submission(d.id, envelope({ reference: a.envelope.reference })),
        before,
        b,
      ];
      expect(await store.insertSubmissions(batch)).toEqual(['stored', 'duplicate', 'conflict', 'conflict', 'duplicate', 'stored']);
      const { submissions, total } = await store.listSubmissions({});
      expect(total).toBe(3);
      expect(submissions.map((s) => s.id).sort()).toEqual([before.envelope.id, a.envelope.id, b.envelope.id].sort());
      for (const s of [a, b]) expect(await store.history(s.envelope.id)).toEqual([{ at: s.receivedAt, from: null, to: 'received', note: null, actor: `device:${d.id}` }]);
      expect(await store.insertSubmissions([])).toEqual([]);
    });

    it('classifies many envelopes in one look-up as it classifies each alone', async () => {
      const d = await device();
      const held = submission(d.id);
      await store.insertSubmission(held);
      const probes = [
        submission(d.id),
        held,
        submission(d.id, { ...held.envelope, ciphertext: 'changed' }, 'other-hash'),
        submission(d.id, envelope({ reference: held.envelope.reference })),
      ].map((s) => ({ id: s.envelope.id, reference: s.envelope.reference, contentHash: s.contentHash, deviceId: d.id }));
      const alone = await Promise.all(probes.map((p) => store.existingOutcome(p.id, p.reference, p.contentHash, p.deviceId)));
      expect(alone).toEqual([undefined, 'duplicate', 'conflict', 'conflict']);
      expect(await store.existingOutcomes(probes)).toEqual(alone);
      expect(await store.existingOutcomes([])).toEqual([]);
    });

    it('stores nothing of a batch whose transaction fails', async () => {
      const d = await device();
      const first = submission(d.id);
      // A device that does not exist breaks the foreign key: an error, not an outcome.
      const broken = submission(randomUUID());
      await expect(store.insertSubmissions([first, broken])).rejects.toThrow();
      expect((await store.listSubmissions({})).total).toBe(0);
      expect(await store.existingOutcome(first.envelope.id, first.envelope.reference, first.contentHash, d.id)).toBeUndefined();
      // The store is still usable, and the same batch without the broken item goes in.
      expect(await store.insertSubmissions([first])).toEqual(['stored']);
    });

    it('stores every envelope exactly once when overlapping batches arrive at the same moment', async () => {
      const other = location.multiProcess ? await open() : store;
      const d = await device();
      const shared = Array.from({ length: 30 }, () => submission(d.id));
      const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? store : other).insertSubmissions(shared)));
      for (const [i, s] of shared.entries()) {
        const outcomes = runs.map((r) => r[i]);
        expect(outcomes.filter((o) => o === 'stored'), s.envelope.id).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(5);
      }
      expect((await store.listSubmissions({})).total).toBe(30);
    });
  });
}
