import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '#contract/v1.ts';
import { caseDueDate } from '#domain/due-date.ts';
import type { Device, NewSubmission, Store, StoredServerKey } from '#server/store/store.ts';
import { testReference } from './fixtures.ts';

/**
 * The storage contract (src/server/store/store.ts), written once and run against every database.
 * `fresh` makes an empty location (a temp dir, a new PostgreSQL database) and answers a function
 * that opens a store there; opening twice stands for two server processes sharing the database.
 */
export interface StoreLocation {
  open(): Promise<Store>;
  remove(): Promise<void>;
  /**
   * Whether several processes may share the database. SQLite serves one process (better-sqlite3
   * blocks the thread on a lock, so two handles in one process deadlock): there, "another process"
   * in these tests is the same store taking concurrent requests, which is how the server uses it.
   */
  multiProcess: boolean;
}

export function describeStoreContract(name: string, fresh: () => Promise<StoreLocation>): void {
  describe(`storage contract: ${name}`, () => {
    let location: StoreLocation;
    let store: Store;
    const opened: Store[] = [];
    const open = async () => {
      const s = await location.open();
      opened.push(s);
      return s;
    };

    const anotherProcess = async () => (location.multiProcess ? open() : store);

    beforeEach(async () => {
      location = await fresh();
      store = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await location.remove();
    });

    const device = async (s: Store = store): Promise<Device> => {
      const d: Device = { id: randomUUID(), name: 'Kiosk', kind: 'kiosk', createdAt: new Date().toISOString(), revokedAt: null };
      await s.createDevice(d, `hash-${d.id}`);
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

    const key = (kid: string): StoredServerKey => ({
      kid,
      algorithm: 'RSA-OAEP-256',
      publicJwk: { kty: 'RSA', n: kid, e: 'AQAB' },
      sealedPrivateKey: `kek1.iv.sealed-${kid}`,
      createdAt: new Date().toISOString(),
    });

    it('reports its kind', () => {
      expect(['sqlite', 'postgres']).toContain(store.kind);
    });

    it('opens an existing database again (migrations are idempotent) and keeps its rows', async () => {
      const d = await device();
      const again = await open();
      expect(await again.deviceByTokenHash(`hash-${d.id}`)).toEqual(d);
    });

    describe('server key', () => {
      it('stores the first key and keeps it active when another is offered', async () => {
        expect(await store.activeServerKey()).toBeUndefined();
        expect((await store.addServerKeyIfNoneActive(key('first'))).kid).toBe('first');
        expect((await store.addServerKeyIfNoneActive(key('second'))).kid).toBe('first');
        expect(await store.activeServerKey()).toEqual({ ...key('first'), createdAt: expect.any(String) });
        expect(await store.serverKey('first')).toMatchObject({ kid: 'first' });
        expect(await store.serverKey('unknown')).toBeUndefined();
      });

      it('ends with one active key when two processes race to create it', async () => {
        const other = await anotherProcess();
        const [a, b] = await Promise.all([store.addServerKeyIfNoneActive(key('from-a')), other.addServerKeyIfNoneActive(key('from-b'))]);
        expect(a.kid).toBe(b.kid);
        expect((await other.activeServerKey())!.kid).toBe(a.kid);
      });
    });

    describe('devices', () => {
      it('finds a device by token hash, lists it, and revokes it once', async () => {
        const d = await device();
        expect(await store.deviceByTokenHash(`hash-${d.id}`)).toEqual(d);
        expect(await store.deviceByTokenHash('no-such-hash')).toBeUndefined();
        expect((await store.listDevices()).map((x) => x.id)).toEqual([d.id]);
        expect(await store.revokeDevice(d.id, '2030-01-01T00:00:00.000Z')).toBe(true);
        expect(await store.revokeDevice(d.id, '2030-01-02T00:00:00.000Z')).toBe(false);
        expect((await store.deviceByTokenHash(`hash-${d.id}`))!.revokedAt).toBe('2030-01-01T00:00:00.000Z');
      });
    });

    describe('submissions', () => {
      it('stores once: duplicate for the same content, conflict for other content under the id or the reference', async () => {
        const d = await device();
        const s = submission(d.id);
        expect(await store.existingOutcome(s.envelope.id, s.envelope.reference, s.contentHash, d.id)).toBeUndefined();
        expect(await store.insertSubmission(s)).toBe('stored');
        expect(await store.insertSubmission(s)).toBe('duplicate');
        expect(await store.existingOutcome(s.envelope.id, s.envelope.reference, s.contentHash, d.id)).toBe('duplicate');
        const otherContent = submission(d.id, { ...s.envelope, ciphertext: 'changed' }, 'other-hash');
        expect(await store.insertSubmission(otherContent)).toBe('conflict');
        const sameReference = submission(d.id, envelope({ reference: s.envelope.reference }));
        expect(await store.insertSubmission(sameReference)).toBe('conflict');
        expect(await store.existingOutcome(sameReference.envelope.id, s.envelope.reference, sameReference.contentHash, d.id)).toBe('conflict');
        expect((await store.listSubmissions({})).total).toBe(1);
        expect(await store.submission(sameReference.envelope.id)).toBeUndefined();
      });

      it('scopes a reference clash to the device that made it: another device under the same reference is stored beside it', async () => {
        const squatter = await device();
        const owner = await device();
        const squatted = submission(squatter.id);
        expect(await store.insertSubmission(squatted)).toBe('stored');
        const real = submission(owner.id, envelope({ reference: squatted.envelope.reference }));
        expect(await store.existingOutcome(real.envelope.id, real.envelope.reference, real.contentHash, owner.id)).toBeUndefined();
        expect(await store.insertSubmission(real)).toBe('stored');
        expect(await store.insertSubmission(real)).toBe('duplicate');
        // Within one device a reference still names one request.
        const again = submission(owner.id, envelope({ reference: squatted.envelope.reference }));
        expect(await store.insertSubmission(again)).toBe('conflict');
        // The id stays unique across devices.
        expect(await store.insertSubmission(submission(squatter.id, { ...real.envelope, ciphertext: 'other' }, 'other-hash'))).toBe('conflict');
        expect((await store.submission(real.envelope.id))!.deviceId).toBe(owner.id);
        expect((await store.submission(squatted.envelope.id))!.deviceId).toBe(squatter.id);
      });

      it('stores exactly once when processes insert the same envelope at the same moment', async () => {
        const other = await anotherProcess();
        const d = await device();
        const s = submission(d.id);
        const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).insertSubmission(s)));
        expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(19);
        const rival = submission(d.id, envelope({ id: randomUUID() }));
        const rivals = await Promise.all([
          store.insertSubmission(rival),
          other.insertSubmission(submission(d.id, { ...rival.envelope, ciphertext: 'other' }, 'other-hash')),
        ]);
        expect(rivals.sort()).toEqual(['conflict', 'stored']);
        expect((await store.listSubmissions({})).total).toBe(2);
      });

      it('returns the envelope exactly as stored, with a received event', async () => {
        const d = await device();
        const s = submission(d.id);
        await store.insertSubmission(s);
        const record = await store.submission(s.envelope.id);
        expect(record).toMatchObject({ id: s.envelope.id, status: 'received', deviceId: d.id, deviceName: 'Kiosk', contentHash: s.contentHash, receivedAt: s.receivedAt });
        expect(record!.envelope).toEqual(s.envelope);
        expect(await store.history(s.envelope.id)).toEqual([{ at: s.receivedAt, from: null, to: 'received', note: null, actor: `device:${d.id}` }]);
        expect(await store.submission(randomUUID())).toBeUndefined();
      });

      it('lists newest first with filters, total and paging', async () => {
        const d = await device();
        const times = ['2030-01-01T10:00:00.000Z', '2030-01-01T11:00:00.000Z', '2030-01-01T12:00:00.000Z'];
        const subs = times.map((t, i) => ({ ...submission(d.id, envelope({ type: i === 2 ? 'other-form' : 'test-note' })), receivedAt: t }));
        for (const s of subs) await store.insertSubmission(s);
        await store.transitionSubmission(subs[0]!.envelope.id, 'in_progress', ['received'], { at: times[2]!, note: null, actor: 'anne' });
        const all = await store.listSubmissions({});
        expect(all.total).toBe(3);
        expect(all.submissions.map((s) => s.id)).toEqual(subs.map((s) => s.envelope.id).reverse());
        expect(all.submissions[0]).toEqual({
          id: subs[2]!.envelope.id,
          reference: subs[2]!.envelope.reference,
          type: 'other-form',
          schemaVersion: 1,
          status: 'received',
          createdAt: subs[2]!.envelope.createdAt,
          receivedAt: times[2],
          deviceId: d.id,
          deviceName: 'Kiosk',
          deviceKind: 'kiosk',
          assisted: null,
          assistedBy: null,
          assignee: null,
          assistedByDisabled: false,
          dueAt: caseDueDate('other-form', new Date(times[2]!)),
        });
        expect((await store.listSubmissions({ status: 'received' })).total).toBe(2);
        expect((await store.listSubmissions({ type: 'test-note' })).total).toBe(2);
        expect((await store.listSubmissions({ status: 'received', type: 'test-note' })).submissions.map((s) => s.id)).toEqual([subs[1]!.envelope.id]);
        const page = await store.listSubmissions({ limit: 1, offset: 1 });
        expect(page).toEqual({ submissions: [expect.objectContaining({ id: subs[1]!.envelope.id })], total: 3 });
      });
    });

    describe('transitions', () => {
      it('moves only from an allowed status and records each move', async () => {
        const d = await device();
        const s = submission(d.id);
        await store.insertSubmission(s);
        const id = s.envelope.id;
        const at = '2031-01-01T00:00:00.000Z';
        expect(await store.transitionSubmission(id, 'done', ['in_progress'], { at, note: null, actor: 'anne' })).toEqual({ ok: false, reason: 'not_allowed', status: 'received' });
        const moved = await store.transitionSubmission(id, 'in_progress', ['received'], { at, note: 'mine', actor: 'anne' });
        expect(moved).toMatchObject({ ok: true, submission: { id, status: 'in_progress' } });
        expect((await store.submission(id))!.status).toBe('in_progress');
        expect((await store.history(id)).at(-1)).toEqual({ at, from: 'received', to: 'in_progress', note: 'mine', actor: 'anne' });
        expect(await store.transitionSubmission(randomUUID(), 'done', ['in_progress'], { at, note: null, actor: 'anne' })).toEqual({ ok: false, reason: 'not_found' });
      });

      it('lets exactly one of two simultaneous moves from the same status win', async () => {
        const other = await anotherProcess();
        const d = await device();
        const s = submission(d.id);
        await store.insertSubmission(s);
        const event = { at: new Date().toISOString(), note: null, actor: 'x' };
        const outcomes = await Promise.all([
          store.transitionSubmission(s.envelope.id, 'in_progress', ['received'], event),
          other.transitionSubmission(s.envelope.id, 'rejected', ['received', 'in_progress'], event),
        ]);
        // Either one wins outright, or in_progress wins and the rejection follows it legitimately.
        const history = await store.history(s.envelope.id);
        expect(outcomes.filter((o) => o.ok).length).toBeGreaterThanOrEqual(1);
        expect(history.length).toBe(1 + outcomes.filter((o) => o.ok).length);
        expect(history.slice(1).every((h, i) => h.from === (i === 0 ? 'received' : history[i]!.to))).toBe(true);
      });
    });

    describe('casework', () => {
      it('assigns a case with its audit entry, filters by assignee, and says false for an unknown case', async () => {
        const d = await device();
        const s = submission(d.id);
        await store.insertSubmission(s);
        const id = s.envelope.id;
        const at = '2031-02-01T00:00:00.000Z';
        expect((await store.submission(id))!.assignee).toBeNull();
        expect(await store.assignSubmission(id, 'anne', at, 'anne')).toBe(true);
        expect((await store.submission(id))!.assignee).toBe('anne');
        expect((await store.listSubmissions({ assignee: 'anne' })).submissions.map((x) => x.id)).toEqual([id]);
        expect((await store.listSubmissions({ assignee: null })).submissions.map((x) => x.id)).not.toContain(id);
        expect(await store.listAudit({ target: id, action: 'assign_submission' })).toEqual([
          expect.objectContaining({ at, actor: 'anne', detail: { previousAssignee: null, assignee: 'anne' } }),
        ]);
        expect(await store.assignSubmission(randomUUID(), 'anne', at, 'anne')).toBe(false);
      });

      it('adds a note as a history event at the current status, audited without its text', async () => {
        const d = await device();
        const s = submission(d.id);
        await store.insertSubmission(s);
        const id = s.envelope.id;
        const at = '2031-02-02T00:00:00.000Z';
        expect(await store.addNote(id, { at, note: 'ringede', actor: 'bo' })).toBe(true);
        expect((await store.history(id)).at(-1)).toEqual({ at, from: 'received', to: 'received', note: 'ringede', actor: 'bo' });
        expect((await store.submission(id))!.status).toBe('received');
        const audit = await store.listAudit({ target: id, action: 'add_note' });
        expect(audit).toEqual([expect.objectContaining({ actor: 'bo', detail: { status: 'received' } })]);
        expect(await store.addNote(randomUUID(), { at, note: 'x', actor: 'bo' })).toBe(false);
      });
    });

    describe('users and sessions', () => {
      it('never overwrites an existing user', async () => {
        const user = { id: randomUUID(), username: 'anne', role: 'admin' as const, passwordHash: 'h1', createdAt: new Date().toISOString() };
        expect(await store.createUser(user)).toBe(true);
        expect(await store.createUser({ ...user, id: randomUUID(), passwordHash: 'h2' })).toBe(false);
        expect(await store.userByUsername('anne')).toEqual(user);
        expect(await store.userByUsername('bo')).toBeUndefined();
      });

      it('finds a session until it expires, and forgets it when deleted', async () => {
        const user = { id: randomUUID(), username: 'bo', role: 'caseworker' as const, passwordHash: 'h', createdAt: new Date().toISOString() };
        await store.createUser(user);
        await store.createSession('s1', user.id, '2030-01-01T08:00:00.000Z', '2030-01-01T16:00:00.000Z');
        await store.createSession('s2', user.id, '2030-01-01T08:00:00.000Z', '2030-01-01T16:00:00.000Z');
        expect(await store.sessionByTokenHash('s1', '2030-01-01T12:00:00.000Z')).toEqual({ userId: user.id, username: 'bo', role: 'caseworker', expiresAt: '2030-01-01T16:00:00.000Z', createdAt: '2030-01-01T08:00:00.000Z', mustChangePassword: false, secondFactor: false });
        // A session opened through the organisation's login says so (the admins' second factor is theirs).
        await store.createSession('s3', user.id, '2030-01-01T08:00:00.000Z', '2030-01-01T16:00:00.000Z', undefined, 'oidc');
        expect((await store.sessionByTokenHash('s3', '2030-01-01T12:00:00.000Z'))?.via).toBe('oidc');
        expect((await store.sessionByTokenHash('s2', '2030-01-01T12:00:00.000Z'))?.via).toBeUndefined();
        expect(await store.sessionByTokenHash('s1', '2030-01-01T16:00:00.000Z')).toBeUndefined();
        await store.deleteSession('s1');
        expect(await store.sessionByTokenHash('s1', '2030-01-01T12:00:00.000Z')).toBeUndefined();
        await store.deleteExpiredSessions('2030-01-02T00:00:00.000Z');
        expect(await store.sessionByTokenHash('s2', '2030-01-01T12:00:00.000Z')).toBeUndefined();
      });
    });
  });
}
